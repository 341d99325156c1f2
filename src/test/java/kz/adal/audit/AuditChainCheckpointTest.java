package kz.adal.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainCheckpointTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Map<Long, String> ROWS = Map.of(1L, "h1", 2L, "h2", 3L, "h3");

    private static AuditCheckpoint cp(long seq, String hash) {
        return new AuditCheckpoint(seq, hash, AT, "node-a", "0123456789abcdef", "jws");
    }

    @Test
    void aLogThatReachesItsCheckpointsIsWhole() {
        assertEquals(List.of(), AuditChain.verifyCheckpoints(ROWS, 3, List.of(cp(2, "h2"), cp(3, "h3"))));
    }

    @Test
    void aLogCutBelowTheLatestCheckpointIsTruncated() {
        var breaks = AuditChain.verifyCheckpoints(Map.of(1L, "h1"), 1, List.of(cp(3, "h3")));
        assertEquals(1, breaks.size());
        assertEquals("TRUNCATED", breaks.get(0).code());
        assertEquals(3, breaks.get(0).seq());
        assertTrue(breaks.get(0).problem().contains("node-a"), breaks.get(0).problem());
    }

    @Test
    void aLogCutAndWrittenAgainDiffersFromTheCheckpoint() {
        var breaks = AuditChain.verifyCheckpoints(Map.of(1L, "h1", 2L, "other", 3L, "h3x"), 3, List.of(cp(2, "h2")));
        assertEquals("CHECKPOINT_DIFFERS", breaks.get(0).code());
    }
}
