package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isDigit;

/**
 * US Social Security numbers written {@code AAA-GG-SSSS}. Only the dashed form counts: nine bare
 * digits are far more often something else. Numbers the SSA never issues are left alone (area
 * 000, 666 or 900–999, group 00, serial 0000), which also spares many dashed codes.
 */
final class SsnMatcher implements TextMatcher {

    private static final int LENGTH = 11; // "123-45-6789"

    @Override
    public boolean mayStartWith(char c) {
        return isDigit(c);
    }

    @Override
    public int matchEnd(String s, int start) {
        if (!NumberBoundaries.mayStartAt(s, start) || !shapeAt(s, start)) {
            return -1;
        }
        int area = number(s, start, 3);
        int group = number(s, start + 4, 2);
        int serial = number(s, start + 7, 4);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return -1;
        }
        int end = start + LENGTH;
        return NumberBoundaries.mayEndAt(s, end) ? end : -1;
    }

    private static boolean shapeAt(String s, int start) {
        for (int k = 0; k < LENGTH; k++) {
            char c = at(s, start + k);
            boolean dash = k == 3 || k == 6;
            if (dash ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
