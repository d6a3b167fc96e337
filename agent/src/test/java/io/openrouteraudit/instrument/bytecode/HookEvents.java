package io.openrouteraudit.instrument.bytecode;

import java.util.ArrayList;
import java.util.List;

/** Where the test hooks report; public and static because rewritten bytecode calls it. */
public final class HookEvents {

    private static final List<String> EVENTS = new ArrayList<>();

    private HookEvents() {
    }

    public static synchronized void add(String event) {
        EVENTS.add(event);
    }

    public static void returned(Object value) {
        add("return " + value);
    }

    public static void returned(int value) {
        add("return " + value);
    }

    public static void returned(long value) {
        add("return " + value);
    }

    public static void thrown(Throwable t) {
        add("throw " + t.getMessage());
    }

    static synchronized List<String> all() {
        return new ArrayList<>(EVENTS);
    }

    static synchronized void clear() {
        EVENTS.clear();
    }
}
