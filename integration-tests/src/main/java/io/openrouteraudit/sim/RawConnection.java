package io.openrouteraudit.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The socket under a {@code com.sun.net.httpserver} exchange, for what that API cannot do: reset
 * a connection, close it with a body unfinished, or write a response a byte at a time. The
 * server exposes no socket, so it is read from the exchange's internals (JDK 17 to 25 name
 * them alike); the JVM running the simulator needs
 * {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}.
 */
final class RawConnection {

    static final String REQUIRED_OPTION = "--add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED";

    private final SocketChannel channel;

    private RawConnection(SocketChannel channel) {
        this.channel = channel;
    }

    static RawConnection of(HttpExchange exchange) {
        try {
            Object impl = field(exchange, "impl");
            Object connection = field(impl, "connection");
            return new RawConnection((SocketChannel) field(connection, "chan"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("connection faults need the simulator's JVM to run with "
                    + REQUIRED_OPTION + ": " + e, e);
        }
    }

    /** RST instead of FIN: the client's next read fails with "connection reset". */
    void reset() throws IOException {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        channel.close();
    }

    /** FIN, whatever the HTTP framing still expected. */
    void close() throws IOException {
        channel.close();
    }

    /**
     * Writes {@code bytes} one at a time, {@code gapMillis} apart, until all are written or the
     * client has gone away (a write fails); then closes the connection.
     *
     * @return whether every byte was written
     */
    boolean drip(byte[] bytes, long gapMillis) throws InterruptedException {
        try {
            for (byte b : bytes) {
                ByteBuffer one = ByteBuffer.wrap(new byte[] {b});
                while (one.hasRemaining()) {
                    channel.write(one);
                }
                Thread.sleep(gapMillis);
            }
            return true;
        } catch (IOException clientGone) {
            return false;
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
