package io.openrouteraudit.instrument;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-object state that a library's objects carry without knowing it: keys compared by
 * identity (a library class may override {@code equals}) and held weakly (state about an
 * object the application dropped goes with it). Values must not refer to their key.
 * Thread-safe without a lock of its own: OkHttp looks its exchange up on every body read, from
 * as many threads as the application calls from, and a map-wide monitor made them queue.
 */
public final class WeakIdentityMap<K, V> {

    // Lookups pass a Probe: the map compares with probe.equals(storedKey), so none allocates a reference.
    private final Map<Object, V> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

    public V get(K key) {
        expungeCleared();
        return entries.get(new Probe(key));
    }

    public void put(K key, V value) {
        expungeCleared();
        entries.put(new WeakKey(key, cleared), value);
    }

    public V remove(K key) {
        expungeCleared();
        return entries.remove(new Probe(key));
    }

    public int size() {
        expungeCleared();
        return entries.size();
    }

    private void expungeCleared() {
        for (Object ref; (ref = cleared.poll()) != null; ) {
            entries.remove(ref);
        }
    }

    /** What the map stores: finds itself after its referent is gone, so that it can be removed. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof WeakKey key && key.get() == referent;
        }
    }

    /** What a lookup uses: no reference object allocated for a mere lookup. */
    private static final class Probe {
        private final Object referent;

        Probe(Object referent) {
            this.referent = referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey key && key.get() == referent;
        }
    }
}
