package kz.adal.proctoring.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored events of attempts, as the hub uses them: it appends what students send, loads an attempt's events when
 * a proctor here starts watching it, and keeps a snapshot as a flag's evidence. The {@code proctoring} package's
 * {@code EventStore} implements it.
 */
public interface EventLog {

    /** The outcome of one append: stored (new), a duplicate, or failed (the browser will send it again). */
    enum Outcome { STORED, DUPLICATE, FAILED }

    /** Queues an event; {@code done} runs after commit, on one thread in the order of storing. */
    void append(LiveEvent e, String node, Consumer<Outcome> done);

    /** The attempt's stored events. */
    List<LiveEvent> load(UUID attemptId);

    /** Keeps a snapshot as evidence; its id. */
    UUID keepSnapshot(UUID attemptId, Instant takenAt, Instant clientAt, String reason, byte[] jpeg);
}
