package kz.adal.media.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several nodes need shared recording storage: the start-up check says so (issue 16). */
class SharedStorageCheckTest {

    @Test
    void severalNodesOnTheirOwnDisksAreRefusedWithTheWayOut() {
        String reason = SharedStorageCheck.problem(true, "local", false).orElseThrow();
        assertTrue(reason.contains("ADAL_MEDIA_STORAGE=s3"), reason);
        assertTrue(reason.contains("ADAL_MEDIA_LOCAL_SHARED=true"), reason);
    }

    @Test
    void oneNodeOrSharedStorageStarts() {
        assertFalse(SharedStorageCheck.problem(false, "local", false).isPresent());
        assertFalse(SharedStorageCheck.problem(true, "s3", false).isPresent());
        assertFalse(SharedStorageCheck.problem(true, "local", true).isPresent());
    }
}
