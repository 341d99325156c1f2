package kz.adal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server for tests: s3proxy (org.gaul, Maven Central) over jclouds' in-memory blob store, checking
 * AWS Signature V4 on every request with its own implementation (not ours). Started on a free loopback port.
 *
 * <p>{@link #failNext} puts a fault in front of it: the next N connections are answered {@code 503 SlowDown}
 * before reaching the store, as a throttled AWS bucket answers, so a test can prove the client retries.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "adal-test-access";
    public static final String SECRET_KEY = "adal-test-secret/with+chars";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final ServerSocket front;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Thread acceptor;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private S3Server(String corsOrigins) throws Exception {
        Properties props = new Properties();
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").overrides(props)
                .build(BlobStoreContext.class);
        var builder = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
        if (corsOrigins != null) {
            // the bucket CORS an operator sets for direct uploads (docs/deploy.md): the exam origin may PUT
            builder.corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(java.util.List.of(corsOrigins),
                    java.util.List.of("GET", "HEAD", "PUT"), java.util.List.of("*"), java.util.List.of("ETag"), "false"));
        }
        proxy = builder.build();
        proxy.start();
        Awaitility.await().until(() -> "STARTED".equals(proxy.getState()));
        front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("s3-front").start(this::accept);
    }

    public static S3Server start() throws Exception {
        return new S3Server(null);
    }

    /** With a CORS rule: browsers on origins matching {@code originPattern} (a regular expression) may PUT and GET. */
    public static S3Server withCors(String originPattern) throws Exception {
        return new S3Server(originPattern);
    }

    /** The endpoint clients use (the fault-injecting front, which passes everything through unless told). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + front.getLocalPort());
    }

    /** The store itself, without the front. */
    public URI directEndpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * The next {@code n} requests get {@code 503 SlowDown} instead of the store. Open connections are closed first,
     * so a client's pooled connection cannot slip past: each of its next requests opens a connection, and each of
     * the first {@code n} is answered with the fault.
     */
    public void failNext(int n) {
        failures.set(n);
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** How many requests the front refused so far. */
    public int refused() {
        return failed.get();
    }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                readHead(client.getInputStream());
                failed.incrementAndGet();
                byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            open.add(client);
            try (Socket store = new Socket(InetAddress.getLoopbackAddress(), proxy.getPort())) {
                Thread up = Thread.ofVirtual().start(() -> pipe(client, store));
                pipe(store, client);
                up.join();
            } finally {
                open.remove(client);
            }
        } catch (IOException | InterruptedException e) {
            // a closed connection ends the pipe
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) return;
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    @Override
    public void close() throws Exception {
        front.close();
        proxy.stop();
        context.close();
    }
}
