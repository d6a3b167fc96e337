package io.openrouteraudit.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code redact.custom} is cut into rules, shared by the engine and the configuration's
 * validation so that both read a value the same way.
 */
public final class UnescapedSplit {

    private UnescapedSplit() {
    }

    /**
     * Splits at separators not escaped by an odd number of backslashes. The backslash stays in
     * place: {@code \;} is itself a valid regex escape for {@code ;}.
     */
    public static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int backslashes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == separator && backslashes % 2 == 0) {
                parts.add(s.substring(partStart, i));
                partStart = i + 1;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        parts.add(s.substring(partStart));
        return parts;
    }
}
