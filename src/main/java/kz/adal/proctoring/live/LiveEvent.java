package kz.adal.proctoring.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One thing the browser or the server saw during an attempt.
 *
 * @param id       the stored row's id
 * @param seq      the browser's sequence number (unique per attempt), null for server events
 * @param kind     e.g. {@code visibility.hidden}; see {@code kz.adal.proctoring.EventKinds}
 * @param clientAt when the browser saw it, on the server's clock as the browser estimates it; null for server events
 * @param serverAt when the server received it
 * @param data     small details (screen count, surface, problem text…)
 */
public record LiveEvent(UUID id, UUID attemptId, Long seq, String kind, Instant clientAt, Instant serverAt,
                        Map<String, Object> data) {

    /** How far ahead of the server a client's time may be before it is not believed. */
    public static final Duration CLIENT_AHEAD_TOLERANCE = Duration.ofSeconds(5);

    public LiveEvent {
        data = data == null ? Map.of() : data;
    }

    /**
     * The time rules use: the client's (a replayed event happened when the browser saw it, not when it
     * arrived), unless it claims to be later than its arrival — then the server's.
     */
    public Instant at() {
        // compared field by field, not through serverAt.plus(...): this is the sort key of every timeline, which the
        // live tiles rebuild every second (issue 17's profile: 5 % of the server's samples were these Instants)
        if (clientAt == null) return serverAt;
        long ahead = clientAt.getEpochSecond() - serverAt.getEpochSecond();
        boolean tooFar = ahead > CLIENT_AHEAD_TOLERANCE.getSeconds()
                || ahead == CLIENT_AHEAD_TOLERANCE.getSeconds() && clientAt.getNano() > serverAt.getNano();
        return tooFar ? serverAt : clientAt;
    }

    public boolean isClient() {
        return seq != null;
    }

    public String text(String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }

    public int number(String key, int otherwise) {
        Object v = data.get(key);
        if (v instanceof Number n) return n.intValue();
        try {
            return v == null ? otherwise : Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public boolean flag(String key) {
        Object v = data.get(key);
        return v instanceof Boolean b ? b : "true".equals(String.valueOf(v));
    }
}
