package io.openrouteraudit.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

    /** Equal by value, as some library classes are; the map must tell them apart. */
    private record EqualByValue(String value) {
    }

    @Test
    void keysThatAreEqualButNotTheSameObjectHaveTheirOwnValues() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        EqualByValue first = new EqualByValue("exchange");
        EqualByValue second = new EqualByValue("exchange");
        map.put(first, "first");
        map.put(second, "second");

        assertEquals("first", map.get(first));
        assertEquals("second", map.get(second));
        assertNull(map.get(new EqualByValue("exchange")));
        assertEquals(2, map.size());
    }

    @Test
    void putReplacesTheValueOfTheSameKeyAndRemoveReturnsIt() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        Object key = new Object();
        map.put(key, "old");
        map.put(key, "new");

        assertEquals(1, map.size());
        assertEquals("new", map.remove(key));
        assertNull(map.get(key));
        assertNull(map.remove(key));
        assertEquals(0, map.size());
    }

    @Test
    void anEntryGoesOnceItsKeyIsUnreachable() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        Object kept = new Object();
        map.put(kept, "kept");
        map.put(new Object(), "dropped");
        // Garbage collection is only ever requested: ask until the dropped key is gone, or give up.
        for (int attempt = 0; attempt < 100 && map.size() > 1; attempt++) {
            System.gc();
        }

        assertEquals(1, map.size(), "only the entry whose key is still referenced is left");
        assertEquals("kept", map.get(kept));
    }
}
