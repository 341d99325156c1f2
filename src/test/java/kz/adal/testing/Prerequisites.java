package kz.adal.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Supplier;

/**
 * What a test needs from outside its own code (face models and test photos fetched by the build from registry
 * packages, npm tools). On a developer's machine a missing one skips the test; under CI (environment variable
 * {@code CI} set, as {@code .ci/run} does) it fails it, so a suite that silently skipped its vision tests never
 * passes as green.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    public static void require(boolean present, Supplier<String> what) {
        if (present) return;
        if (underCi()) fail(what.get() + " — under CI this test fails instead of skipping");
        assumeTrue(false, what);
    }

    public static void require(boolean present, String what) {
        require(present, () -> what);
    }
}
