package kz.adal.oral.ticket;

import kz.adal.platform.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The provably fair ticket draw (001 §6.15.6: the head of department shows a random number generator
 * that picks the ticket number, in the student's presence). Plain rules, no framework; the browser
 * recomputes the same thing with Web Crypto ({@code web/js/oral-verify.js}). See docs/oral-exam.md.
 *
 * <ol>
 *   <li>Before the draw the server keeps a secret 32-byte seed and shows only the <b>commitment</b>
 *       {@code SHA-256(UTF-8(hex(seed) + ":" + sittingId + ":" + studentId))} as lowercase hex; hex is
 *       lowercase, UUIDs in their canonical lowercase form.</li>
 *   <li>The ticket is picked from the sorted list of available ticket numbers (n of them) by
 *       rejection sampling: for k = 0, 1, 2, …: {@code x = first 4 bytes of SHA-256(UTF-8(hex(seed) + ":" + k))}
 *       read as an unsigned big-endian 32-bit number; accept when {@code x < 2^32 − (2^32 mod n)} and take
 *       index {@code x mod n}. Rejecting the top remainder removes modulo bias.</li>
 *   <li>After the draw the seed is revealed; anyone can check the commitment and redo step 2.</li>
 * </ol>
 */
public final class TicketDraw {
    public static final int SEED_BYTES = 32;
    private static final long RANGE = 1L << 32;
    private static final HexFormat HEX = HexFormat.of();

    private TicketDraw() {}

    /** A fresh secret seed, as lowercase hex. */
    public static String newSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        return HEX.formatHex(seed);
    }

    /** The commitment shown before the draw. */
    public static String commitment(String seedHex, UUID sittingId, UUID studentId) {
        requireSeed(seedHex);
        return sha256Hex(seedHex + ":" + sittingId + ":" + studentId);
    }

    public static boolean verifies(String commitment, String seedHex, UUID sittingId, UUID studentId) {
        return commitment != null && commitment.equalsIgnoreCase(commitment(seedHex, sittingId, studentId));
    }

    /** The index into a list of {@code n} available tickets (rejection sampling, see class comment). */
    public static int index(String seedHex, int n) {
        return (int) index(seedHex, (long) n);
    }

    /** The same for any n up to 2^32 (so tests can reach the rejection branch with a large n). */
    static long index(String seedHex, long n) {
        requireSeed(seedHex);
        if (n < 1 || n > RANGE) throw RuleViolation.conflict("ORAL_NO_TICKETS", "No tickets are available to draw from.");
        long limit = RANGE - (RANGE % n);
        for (long k = 0; ; k++) {
            byte[] d = sha256(seedHex + ":" + k);
            long x = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
            if (x < limit) return x % n;
        }
    }

    /** The drawn ticket number from the available numbers (sorted ascending first). */
    public static int ticket(String seedHex, List<Integer> available) {
        List<Integer> sorted = available.stream().sorted().toList();
        return sorted.get(index(seedHex, sorted.size()));
    }

    private static void requireSeed(String seedHex) {
        if (seedHex == null || seedHex.length() != SEED_BYTES * 2 || !seedHex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("A seed is 64 lowercase hex digits");
        }
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
