package kz.adal.review;

import kz.adal.review.ReviewQueue.Filter;
import kz.adal.review.ReviewQueue.Row;
import kz.adal.review.ReviewQueue.VerdictState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReviewQueueTest {
    static final UUID EXAM_A = UUID.randomUUID();
    static final UUID EXAM_B = UUID.randomUUID();

    static Row row(String who, UUID exam, int score, Map<String, Integer> flags, VerdictState v, int finishedMinute) {
        return new Row(UUID.randomUUID(), exam, "exam", UUID.randomUUID(), who, who, "SUBMITTED",
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(60L * finishedMinute), null, score, flags, 0, v);
    }

    static final Row CLEAN = row("clean", EXAM_A, 100, Map.of(), VerdictState.UNREVIEWED, 1);
    static final Row TAB = row("tab", EXAM_A, 70, Map.of("TAB_LEFT", 2), VerdictState.UNREVIEWED, 2);
    static final Row FACE = row("face", EXAM_B, 40, Map.of("FACE_MISSING", 1, "TAB_LEFT", 1), VerdictState.ANNULLED, 3);
    static final Row TIE_MORE = row("tieMore", EXAM_B, 70, Map.of("CAMERA_LOST", 3), VerdictState.VALID, 5);
    static final Row TIE_EARLY = row("tieEarly", EXAM_A, 70, Map.of("CAMERA_LOST", 2), VerdictState.RESIT, 0);

    static List<String> who(List<Row> rows) {
        return rows.stream().map(Row::studentName).toList();
    }

    @Test
    void mostSuspiciousFirstThenMoreFlagsThenEarlier() {
        List<Row> all = List.of(CLEAN, TAB, FACE, TIE_MORE, TIE_EARLY);
        assertEquals(List.of("face", "tieMore", "tieEarly", "tab", "clean"), who(ReviewQueue.apply(all, Filter.NONE)));
        // tab and tieEarly both have 70 and 2 flags: the earlier finished first
        assertEquals(List.of("tieEarly", "tab"), who(ReviewQueue.apply(List.of(TAB, TIE_EARLY), Filter.NONE)));
    }

    @Test
    void filtersByExamFlagVerdictAndScore() {
        List<Row> all = List.of(CLEAN, TAB, FACE, TIE_MORE, TIE_EARLY);
        assertEquals(List.of("tieEarly", "tab", "clean"), who(ReviewQueue.apply(all, new Filter(EXAM_A, null, null, null))));
        assertEquals(List.of("face", "tab"), who(ReviewQueue.apply(all, new Filter(null, "TAB_LEFT", null, null))));
        assertEquals(List.of("tab", "clean"), who(ReviewQueue.apply(all, new Filter(null, null, VerdictState.UNREVIEWED, null))));
        assertEquals(List.of("face"), who(ReviewQueue.apply(all, new Filter(null, null, VerdictState.ANNULLED, null))));
        assertEquals(List.of("face"), who(ReviewQueue.apply(all, new Filter(null, null, null, 70))));
        assertEquals(List.of("face", "tieMore", "tieEarly", "tab"), who(ReviewQueue.apply(all, new Filter(null, null, null, 71))));
        assertEquals(List.of("tieEarly"), who(ReviewQueue.apply(all, new Filter(EXAM_A, "CAMERA_LOST", VerdictState.RESIT, 80))));
    }
}
