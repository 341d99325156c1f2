package kz.adal.proctoring.live;

import io.vertx.core.buffer.Buffer;

import java.time.Instant;
import java.util.UUID;

/**
 * Snapshots travel as binary WebSocket frames (issue 17): the JPEG as it is, after a fixed header, instead of base64
 * inside JSON (a third larger, parsed, decoded and encoded again at every hop). Big-endian:
 * <ul>
 *   <li>student → server ({@code /ws/attempts/{id}}, the socket already names the attempt):
 *       {@code [0]} source (1 camera, 2 screen) · {@code [1..8]} the browser's time, epoch ms (0: unknown) · the JPEG;</li>
 *   <li>server → proctor ({@code /ws/proctor}): {@code [0]} source · {@code [1..16]} attempt id · {@code [17..24]} the
 *       server's time of arrival, epoch ms · the JPEG.</li>
 * </ul>
 * web/js/proctoring-client.js writes the first and web/js/proctor-console.js reads the second.
 */
public final class SnapshotFrame {
    public static final byte CAMERA = 1;
    public static final byte SCREEN = 2;
    public static final int FROM_STUDENT_HEADER = 9;
    public static final int TO_PROCTOR_HEADER = 25;

    private SnapshotFrame() {
    }

    /** The frame a proctor's console receives. */
    public static Buffer toProctor(boolean screen, UUID attemptId, Instant serverAt, byte[] jpeg, int offset, int length) {
        Buffer b = Buffer.buffer(TO_PROCTOR_HEADER + length);
        b.appendByte(screen ? SCREEN : CAMERA)
                .appendLong(attemptId.getMostSignificantBits()).appendLong(attemptId.getLeastSignificantBits())
                .appendLong(serverAt.toEpochMilli())
                .appendBytes(jpeg, offset, length);
        return b;
    }

    public static Buffer toProctor(boolean screen, UUID attemptId, Instant serverAt, byte[] jpeg) {
        return toProctor(screen, attemptId, serverAt, jpeg, 0, jpeg.length);
    }

    /** The browser's time in a student's frame, or null when it sent none. */
    public static Instant clientAt(byte[] frame) {
        long ms = 0;
        for (int i = 1; i < FROM_STUDENT_HEADER; i++) ms = ms << 8 | (frame[i] & 0xff);
        return ms <= 0 ? null : Instant.ofEpochMilli(ms);
    }
}
