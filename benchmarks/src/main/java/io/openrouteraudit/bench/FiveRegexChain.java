package io.openrouteraudit.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The baseline: the redaction most LLM audit guides show, five regular expressions applied one
 * after another, each a full pass over the text (e-mail, phone, SSN, OpenRouter key, card).
 * {@code FiveRegexChain < in > out} does it line by line, stdin to stdout, like {@code redact}.
 */
public final class FiveRegexChain {

    private static final Pattern[] PATTERNS = {
        Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
        Pattern.compile("(?:\\+?1[-.\\s]?)?\\(?\\d{3}\\)?[-.\\s]?\\d{3}[-.\\s]?\\d{4}"),
        Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
        Pattern.compile("sk-or-v1-[a-f0-9]{64}"),
        Pattern.compile("\\b(?:\\d[ -]*?){13,16}\\b"),
    };
    private static final String[] LABELS = {"[EMAIL]", "[PHONE]", "[SSN]", "[OPENROUTER_KEY]", "[CARD]"};

    private FiveRegexChain() {
    }

    public static String apply(String text) {
        String out = text;
        for (int i = 0; i < PATTERNS.length; i++) {
            out = PATTERNS[i].matcher(out).replaceAll(LABELS[i]);
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = in.readLine()) != null) {
            out.write(apply(line));
            out.write('\n');
        }
        out.flush();
    }
}
