package kz.adal.media.retention;

import kz.adal.media.RecordingHold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant ENDED = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-01-31T00:00:00Z");
    private static final Instant LONG_AFTER = Instant.parse("2027-06-01T00:00:00Z");
    private final RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(180));

    private static RetentionPolicy.RetainedRecording recording(String id, Set<RecordingHold> holds) {
        return new RetentionPolicy.RetainedRecording("attempts/" + id, ENDED, PERIOD_END, holds);
    }

    @Test
    void neverDeletesAHeldRecordingHoweverOld() {
        for (RecordingHold hold : RecordingHold.values()) {
            assertFalse(policy.isDue(recording("held", Set.of(hold)), LONG_AFTER), hold.name());
        }
        assertFalse(policy.isDue(recording("held", EnumSet.allOf(RecordingHold.class)), LONG_AFTER.plus(Duration.ofDays(3650))));
    }

    @Test
    void deletesAnUnheldRecordingOnceRetentionAndPeriodHavePassed() {
        Instant due = ENDED.plus(Duration.ofDays(180));
        assertFalse(policy.isDue(recording("a", Set.of()), due.minusSeconds(1)));
        assertTrue(policy.isDue(recording("a", Set.of()), due));
    }

    @Test
    void keepsRecordingsUntilTheAcademicPeriodHasEnded() {
        RetentionPolicy shortPolicy = new RetentionPolicy(Duration.ofDays(3));
        Instant afterRetention = ENDED.plus(Duration.ofDays(5));
        assertTrue(afterRetention.isBefore(PERIOD_END));
        assertFalse(shortPolicy.isDue(recording("a", Set.of()), afterRetention));
        assertTrue(shortPolicy.isDue(recording("a", Set.of()), PERIOD_END));
        assertFalse(shortPolicy.isDue(new RetentionPolicy.RetainedRecording("attempts/b", ENDED, null, Set.of()),
                LONG_AFTER), "unknown period end: keep");
    }

    @Test
    void picksOnlyTheDueOnesFromABatch() {
        var free = recording("free", Set.of());
        var appeal = recording("appeal", Set.of(RecordingHold.APPEAL));
        var act = recording("act", Set.of(RecordingHold.OPEN_ACT));
        var recent = new RetentionPolicy.RetainedRecording("attempts/recent", LONG_AFTER.minusSeconds(60), PERIOD_END, Set.of());
        assertEquals(List.of(free), policy.dueForDeletion(List.of(free, appeal, act, recent), LONG_AFTER));
    }

    @Test
    void refusesARetentionShorterThanTheAppealWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Duration.ofHours(47)));
        assertEquals(Duration.ofHours(48), new RetentionPolicy(Duration.ofHours(48)).retention());
    }

    @Test
    void academicPeriodsEndAfterTheirTerm() {
        assertEquals(Instant.parse("2027-01-31T19:00:00Z"), RecordingRetentionJob.academicPeriodEnd("2026-2027/1"));
        assertEquals(Instant.parse("2027-08-31T19:00:00Z"), RecordingRetentionJob.academicPeriodEnd("2026-2027/2"));
        assertEquals(null, RecordingRetentionJob.academicPeriodEnd("spring"));
    }
}
