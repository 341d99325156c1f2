package kz.adal.attempt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of test delivery ({@code adal.attempt.*}). */
@ConfigMapping(prefix = "adal.attempt")
public interface AttemptConfig {

    /**
     * How long after the deadline an answer already on its way is still accepted. The clock shown to
     * the student ends at the deadline; this only covers the request's flight time. The sweeper
     * expires an attempt once deadline + grace has passed.
     */
    @WithDefault("PT5S")
    Duration answerGrace();

    /** How often the deadline sweeper runs ({@code AttemptDeadlineJob}); "off" disables it. */
    @WithDefault("5s")
    String deadlineSweepEvery();

    /** Most attempts the sweeper expires in one run (the rest wait for the next run). */
    @WithDefault("200")
    int deadlineSweepBatch();
}
