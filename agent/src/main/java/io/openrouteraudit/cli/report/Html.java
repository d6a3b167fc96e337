package io.openrouteraudit.cli.report;

/** Escaping of untrusted journal text for HTML element content and quoted attribute values. */
public final class Html {

    private Html() {
    }

    /**
     * {@code & < > " '} as entities, and every control character (other than tab, newline and
     * carriage return), noncharacter U+FFFE/U+FFFF and lone surrogate as U+FFFD, so that nothing
     * a journal holds can open a tag, leave an attribute, or corrupt the page's UTF-8.
     * {@code null} is the empty text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (unsafe(cp)) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The first {@code max} code points of {@code text}, with an ellipsis when cut (cut before escaping). */
    public static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    private static boolean unsafe(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n' && cp != '\r';
        }
        return (cp >= 0x7F && cp <= 0x9F)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                || cp == 0xFFFE || cp == 0xFFFF;
    }
}
