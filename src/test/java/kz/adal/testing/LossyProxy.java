package kz.adal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on loopback: it forwards each connection to the server, and when
 * armed it lets the request through, waits until the server has answered (so the server has
 * committed), then throws the answer away and cuts the client off. That is a response lost on the
 * way back — the fault a mobile network makes — as opposed to a request that never left.
 * Clients must speak HTTP/1.1 through it (the JDK client's default h2c upgrade would turn the
 * first answer into a 101 and the rest into HTTP/2 frames): {@link #http11()}.
 */
public final class LossyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicInteger responsesToDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    /** Requests whose first line matches this have their response dropped, {@link #matchesToDrop} times. */
    private volatile Pattern dropAfter;
    private final AtomicInteger matchesToDrop = new AtomicInteger();
    private volatile boolean open = true;

    public LossyProxy(int targetPort) {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("lossy-proxy").start(this::acceptLoop);
    }

    public int port() { return listener.getLocalPort(); }

    /** A JDK client that speaks HTTP/1.1, so each request gets its answer on the connection as the proxy sees it. */
    public static java.net.http.HttpClient http11() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    public String baseUrl() { return "http://127.0.0.1:" + port(); }

    /** The next {@code n} connections have their response dropped after the server answered. */
    public void dropNextResponses(int n) { responsesToDrop.set(n); }

    /**
     * The responses to the next {@code n} requests whose request line matches {@code requestLine}
     * (e.g. {@code "^PUT /api/attempts/[^ ]+/answers/"}) are dropped after the server answered,
     * whichever connection they come on (a browser keeps its connections alive, so "the next
     * connection" would not hit the request meant).
     */
    public void dropResponsesTo(String requestLine, int n) {
        dropAfter = Pattern.compile(requestLine);
        matchesToDrop.set(n);
    }

    /** How many responses were thrown away so far. */
    public int dropped() { return dropped.get(); }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = listener.accept();
                boolean drop = responsesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                Thread.ofPlatform().daemon().name("lossy-proxy-conn").start(() -> serve(client, drop));
            } catch (IOException e) {
                if (open) throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket client, boolean dropThisConnection) {
        // set by the client-to-server pump before it forwards a request meant to lose its response;
        // HTTP/1.1 clients don't pipeline, so the next bytes from the server are that response
        AtomicBoolean dropNext = new AtomicBoolean(dropThisConnection);
        try (client; Socket server = new Socket()) {
            server.connect(target, 5000);
            Thread up = Thread.ofPlatform().daemon().start(() -> pump(client, server, dropNext));
            InputStream fromServer = server.getInputStream();
            OutputStream toClient = client.getOutputStream();
            byte[] buf = new byte[16384];
            for (int n; (n = fromServer.read(buf)) >= 0; ) {
                // an interim answer (100 Continue) is not the answer: the server has not handled the request yet
                boolean interim = n >= 10 && new String(buf, 0, 10, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 1");
                if (dropNext.get() && !interim) {
                    // the server has answered: it committed. The client never hears of it.
                    dropped.incrementAndGet();
                    client.setSoLinger(true, 0);   // a reset, as when a mobile link dies
                    return;
                }
                toClient.write(buf, 0, n);
                toClient.flush();
            }
            up.join(1000);
        } catch (IOException | InterruptedException ignored) {
            // a closed side ends the connection, as in a real proxy
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean dropNext) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                Pattern match = dropAfter;
                if (match != null && match.matcher(new String(buf, 0, Math.min(n, 300), StandardCharsets.ISO_8859_1)).find()
                        && matchesToDrop.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
                    dropNext.set(true);
                }
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // the other direction closed first
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
