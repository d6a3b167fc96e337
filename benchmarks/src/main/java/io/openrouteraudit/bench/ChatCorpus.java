package io.openrouteraudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Text like what flows through an LLM audit: support chats, JSON bodies, code, logs, in several
 * languages, with a planted e-mail, phone, card, key or address in about one line in four, and
 * the numbers that surround them in real traffic (order ids, timestamps, amounts, token counts).
 * Deterministic for a seed, so every run of a benchmark reads the same bytes.
 *
 * <p>{@code ChatCorpus FILE [MB]} writes about MB megabytes (default 60) of lines to FILE.
 */
public final class ChatCorpus {

    private static final String[] OPENINGS = {
        "Hi team, the customer wrote back about order", "Bonjour, je n'ai toujours pas reçu la commande",
        "Hallo, die Lieferung für Bestellung", "Please summarise the following ticket", "Traduce al inglés:",
        "Системное сообщение: пользователь спрашивает о заказе", "ユーザーからの問い合わせ: 注文番号",
        "The model returned finish_reason=length after", "Refactor this function so that it", "Log excerpt:",
    };
    private static final String[] MIDDLES = {
        "was delayed by the carrier and they would like a refund", "et demande un remboursement complet",
        "ist seit drei Tagen unterwegs und der Kunde ist verärgert", "mentions a damaged package and a missing invoice",
        "the latency p95 went from 820 ms to 1.4 s after the deploy of v2.14.3", "retries 3 times with backoff",
        "{\"model\":\"openai/gpt-4o\",\"usage\":{\"prompt_tokens\":1234,\"completion_tokens\":567}}",
        "for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }",
        "cost was $0.0042 for 2,048 tokens on 2026-11-23T10:15:30Z", "request id 550e8400-e29b-41d4-a716-446655440000",
    };

    private final SplittableRandom random;

    public ChatCorpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ChatCorpus FILE [MB]");
            System.exit(2);
        }
        long bytes = (args.length > 1 ? Long.parseLong(args[1]) : 60) << 20;
        ChatCorpus corpus = new ChatCorpus(20_261_123L);
        long written = 0;
        int lines = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8), 1 << 16)) {
            while (written < bytes) {
                String line = corpus.line();
                out.write(line);
                out.write('\n');
                written += line.getBytes(StandardCharsets.UTF_8).length + 1;
                lines++;
            }
        }
        System.out.printf("%s: %,d lines, %,d bytes%n", args[0], lines, written);
    }

    /** Lines until at least {@code bytes} UTF-8 bytes, for in-process benchmarks. */
    public List<String> lines(long bytes) {
        List<String> lines = new ArrayList<>();
        long size = 0;
        while (size < bytes) {
            String line = line();
            lines.add(line);
            size += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return lines;
    }

    public String line() {
        StringBuilder line = new StringBuilder(200);
        line.append(OPENINGS[random.nextInt(OPENINGS.length)]).append(' ').append(noise()).append(' ')
                .append(MIDDLES[random.nextInt(MIDDLES.length)]);
        if (random.nextInt(4) == 0) {
            line.append(" — ").append(planted());
        }
        line.append(' ').append(MIDDLES[random.nextInt(MIDDLES.length)]).append('.');
        return line.toString();
    }

    /** Numbers and ids that are not personal data. */
    private String noise() {
        return switch (random.nextInt(6)) {
            case 0 -> "ORD-2026-" + (100_000 + random.nextInt(900_000));
            case 1 -> Long.toString(1_760_000_000L + random.nextInt(10_000_000));
            case 2 -> "#" + random.nextInt(1_000_000);
            case 3 -> "v" + random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(100);
            case 4 -> String.format("€%d,%02d", random.nextInt(5000), random.nextInt(100));
            default -> "gen-" + (1_766_000_000L + random.nextInt(1_000_000)) + "-Xq7Lp2Rt9Vw3Yz5Ab8Cd";
        };
    }

    private String planted() {
        return switch (random.nextInt(7)) {
            case 0 -> "contact " + name() + "@example.com";
            case 1 -> "call (" + (200 + random.nextInt(800)) + ") 555-0" + (100 + random.nextInt(900));
            case 2 -> "card 4111 1111 1111 1111";
            case 3 -> "key sk-or-v1-" + hex(64);
            case 4 -> "SSN " + (100 + random.nextInt(500)) + "-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(9000));
            case 5 -> "from 10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            default -> "IBAN DE89 3704 0044 0532 0130 00";
        };
    }

    private String name() {
        String[] names = {"anna.schmidt", "j.doe", "maria+support", "li.wei", "o.connor"};
        return names[random.nextInt(names.length)];
    }

    private String hex(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }
}
