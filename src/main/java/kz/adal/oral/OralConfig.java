package kz.adal.oral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the oral exam ({@code adal.oral.*}); see docs/oral-exam.md. */
@ConfigMapping(prefix = "adal.oral")
public interface OralConfig {
    /** Preparation may be set up to this; never above 20 minutes (001 §6.15.6). */
    @WithDefault("PT20M")
    Duration preparationMax();

    /** The answer may be set up to this; never above 15 minutes (001 §6.15.6). */
    @WithDefault("PT15M")
    Duration answerMax();

    /** MEAN or MEDIAN, both rounded half-up, the chair deciding an even split ({@link FinalGradeRule}). */
    @WithDefault("MEAN")
    FinalGradeRule finalGradeRule();

    /** The letter scale as {@code letter:min:gpa:mark,...} (see {@code kz.adal.grading.LetterScale}). */
    @WithDefault(kz.adal.grading.LetterScale.DEFAULT_CONFIG)
    String letterScale();

    /**
     * The last day of the academic period as MM-DD (an "I" is due by then, 001 §6.15.2). Not in the
     * seeds: institution setting.
     */
    @WithDefault("06-30")
    String periodEnd();

    /** The largest JPEG snapshot kept, in bytes. */
    @WithDefault("524288")
    int snapshotMaxBytes();

    Jitsi jitsi();

    Link link();

    /** The answer needs the link (issue 14): the student's audio and video reaching every grader. */
    interface Link {
        /** An outage during the answer longer than this pauses the answer and drafts a technical-failure act. */
        @WithDefault("PT30S")
        Duration pauseAfter();
    }

    interface Jitsi {
        /** The Jitsi Meet host name (e.g. meet.example.edu); empty: the built-in camera view is used. */
        Optional<String> domain();

        /** The app id Prosody expects as {@code iss}. */
        @WithDefault("adal")
        String appId();

        /** The shared HS256 secret (≥ 32 characters); from the environment in production. */
        Optional<String> appSecret();

        /** The {@code aud} claim. */
        @WithDefault("jitsi")
        String audience();

        /** How long a room token is valid. */
        @WithDefault("PT4H")
        Duration tokenTtl();

        /**
         * Ask Jitsi to record the room (Jibri, {@code startRecording} mode {@code file}) when the secretary joins.
         * Needs recording enabled on the Jitsi installation; the secretary keeps the link with the sitting.
         */
        @WithDefault("false")
        boolean record();
    }
}
