package kz.adal.proctoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of live proctoring ({@code adal.proctoring.*}); see docs/proctoring.md. */
@ConfigMapping(prefix = "adal.proctoring")
public interface ProctoringConfig {

    /** Run the face checks of issue 6 on every snapshot (about 25 ms of one core each, docs/vision.md). */
    @WithDefault("true")
    boolean faceChecks();

    /**
     * How many snapshots this node face-checks at once (default: half its cores, at least one). A snapshot arriving
     * while all are busy is not checked (FaceCheckBudget): the checks' CPU is bounded, whatever the number of students.
     */
    java.util.OptionalInt faceChecksInFlight();

    /** How often the browser sends a heartbeat. */
    @WithDefault("PT5S")
    Duration heartbeatEvery();

    /** No message for this long closes the student's socket (counted as a disconnection). */
    @WithDefault("PT15S")
    Duration heartbeatTimeout();

    /** Camera snapshot interval for the live grid (5–10 s). */
    @WithDefault("PT10S")
    Duration snapshotEvery();

    /** Snapshot interval while a proctor has the attempt open. */
    @WithDefault("PT2S")
    Duration focusedSnapshotEvery();

    /**
     * Screen thumbnail interval (the tile's small screen image beside the camera one, issue 14): a low rate of
     * its own, about 8 kbit/s of the student's upstream at 20 KB per thumbnail.
     */
    @WithDefault("PT20S")
    Duration screenSnapshotEvery();

    /**
     * What a proctor's live view may cost the student's upstream in total, kbit/s of payload (camera, screen and
     * microphone together; the page splits it). With the recording upload (~170 kbit/s measured, docs/media.md)
     * and the snapshots it stays within the 512 kbit/s link of 000 §4.6.
     */
    @WithDefault("200")
    int liveViewKbps();

    /** Camera snapshots kept per attempt, off the heap ({@link kz.adal.proctoring.live.SnapshotStore}); the tile and the evidence use the latest. */
    @WithDefault("1")
    int snapshotsKept();

    /** A drop shorter than this is a technical event; longer is a DISCONNECTED flag. */
    @WithDefault("PT2M")
    Duration disconnectGrace();

    /**
     * After a reload (a page opened again once the setup was complete), how long camera, screen and
     * fullscreen may be missing without a flag while the student shares them again (Timeline#setups).
     */
    @WithDefault("PT15S")
    Duration setupGrace();

    /** The same for the attempt's first page load, where the browser asks for permissions. */
    @WithDefault("PT3M")
    Duration setupLimit();

    /** Largest text message from a browser, in characters (a snapshot message may be larger). */
    @WithDefault("4096")
    int maxMessageChars();

    /** Largest snapshot JPEG in bytes (about 20 KB is expected). */
    @WithDefault("65536")
    int maxSnapshotBytes();

    /** Messages per second a student's socket may send on average… */
    @WithDefault("20")
    int ratePerSecond();

    /** …and in a burst. */
    @WithDefault("100")
    int rateBurst();

    /** The window counts as shrunk below this fraction of the screen's width or height. */
    @WithDefault("0.75")
    double windowMinFraction();

    /** Flag weights {@code TYPE=perFlag:perMinute,...} over {@link ScoreWeights#DEFAULTS}. */
    @WithDefault(" ")
    String weights();

    /** What a termination (001 §6.14) does to the attempt's grade: F (the scale's lowest) or NONE (ungraded). */
    @WithDefault("F")
    TerminationGrade terminationGrade();

    /** The longest a voice presence check (001 §6.9) may give the student to answer. */
    @WithDefault("PT2M")
    Duration presenceCheckMaxWait();

    enum TerminationGrade { F, NONE }
}
