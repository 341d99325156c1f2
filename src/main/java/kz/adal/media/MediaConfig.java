package kz.adal.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Settings of exam recording ({@code adal.media.*}). See docs/media.md. */
@ConfigMapping(prefix = "adal.media")
public interface MediaConfig {

    /** Where recordings are stored: {@code local} (a directory, the default) or {@code s3}. */
    @WithDefault("local")
    String storage();

    /** The directory for {@code local} storage. */
    @WithDefault("./data/recordings")
    String localRoot();

    /**
     * A finalisation claim not renewed for this long is taken over by another node (its node died).
     * The node at work renews its claims every third of it.
     */
    @WithDefault("PT2M")
    Duration finaliseLease();

    /**
     * This node's name on finalisation claims; the same after a restart, so a restarted node
     * releases what it held. Default: the host name and the work directory.
     */
    Optional<String> node();

    /** A local directory for FFmpeg's temporary files while finalising. */
    @WithDefault("./data/media-work")
    String workDir();

    /** The S3-compatible object store, used when {@code storage=s3}; secrets come from the environment. */
    S3 s3();

    /**
     * With {@code local} storage on several nodes ({@code adal.live.redis=true}): the operator's word that
     * {@link #localRoot()} is one shared file system (NFS, CephFS) mounted on every node. Without it such a
     * start is refused (a warning in demo mode): each node would keep the chunks it received on its own disk
     * and finalisation would find holes.
     */
    @WithDefault("false")
    boolean localShared();

    /** Browsers uploading chunks straight to the object store ({@link DirectUploads}; docs/media.md "Direct uploads"). */
    DirectUpload directUpload();

    interface DirectUpload {
        /**
         * On: with {@code s3} storage the recorder asks for a presigned PUT per chunk and the node only records
         * the ledger. Needs the bucket's CORS rule for the exam origin (docs/deploy.md). Ignored for {@code local}.
         */
        @WithDefault("false")
        boolean enabled();

        /** How long a presigned chunk address is valid: enough for one chunk on a slow link, short against reuse. */
        @WithDefault("PT2M")
        Duration urlTtl();
    }

    /** Largest accepted chunk; 2 MiB is about a minute of camera at the default bitrate. */
    @WithDefault("2097152")
    long maxChunkBytes();

    /**
     * How long after an attempt finishes its chunks are still accepted, so the browser can flush what it
     * queued (offline up to 10 minutes, then submitted or expired). After it the tracks are finalised
     * and later chunks are refused with {@code RECORDING_CLOSED}.
     */
    @WithDefault("PT15M")
    Duration uploadGrace();

    /** How often the finaliser looks for tracks to finalise; "off" disables it. */
    @WithDefault("30s")
    String finaliseEvery();

    /**
     * How long recordings are kept after the attempt ended (and the academic period closed), unless on
     * hold. At least the 48-hour appeal window (001 §6.15.4).
     */
    @WithDefault("P1Y")
    String retention();

    /** {@link #retention()} as a duration: an ISO period (P1Y = 365 days, a month = 30 days) or duration (PT72H). */
    default Duration retentionDuration() {
        String text = retention().trim();
        if (text.contains("T")) {
            return Duration.parse(text);
        }
        Period p = Period.parse(text);
        return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
    }

    /** When the retention job runs (a cron expression); "off" disables it. */
    @WithDefault("0 30 3 * * ?")
    String retentionCron();

    /** How long a playback ticket (the address a video element uses) stays valid. */
    @WithDefault("PT4H")
    Duration ticketTtl();

    /** Recording defaults sent to the browser (docs/media.md "Formats"). */
    Recorder recorder();

    /** How much one track may hold ({@link RecordingQuota}). */
    Quota quota();

    interface Quota {
        /** Multiple of bitrate × length a track may hold. */
        @WithDefault("3")
        double headroom();

        /** Fixed allowance on top (headers, a short exam's reloads). */
        @WithDefault("10485760")
        long extraBytes();

        /** The length assumed for a recording that is not an attempt's (an oral turn), whose end is not planned. */
        @WithDefault("PT3H")
        Duration ownedRecordingLength();
    }

    Consent consent();

    interface S3 {
        /** e.g. http://127.0.0.1:9000 for MinIO. */
        Optional<String> endpoint();

        /**
         * The store's address as the students' browsers reach it, when it differs from {@link #endpoint()}
         * (inside a cluster the nodes use {@code http://minio:9000}, browsers {@code https://media.example.edu}).
         * Presigned chunk addresses and the page's {@code connect-src} use it.
         */
        Optional<String> browserEndpoint();

        @WithDefault("us-east-1")
        String region();

        Optional<String> bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Path-style addressing (MinIO and most self-hosted stores). */
        @WithDefault("true")
        boolean pathStyle();

        /** Tries per request, the first included; the SDK backs off between them (5xx, SlowDown, resets). */
        @WithDefault("6")
        int maxAttempts();

        /** One request's time limit. */
        @WithDefault("PT60S")
        Duration timeout();

        /** Files above this go up as a multipart upload of {@code part-bytes} parts. */
        @WithDefault("67108864")
        long multipartAbove();

        @WithDefault("16777216")
        long partBytes();
    }

    interface Recorder {
        /** MediaRecorder timeslice: one chunk every few seconds. */
        @WithDefault("4000")
        int timesliceMs();

        @WithDefault("200000")
        int cameraVideoBitsPerSecond();

        @WithDefault("24000")
        int cameraAudioBitsPerSecond();

        @WithDefault("320")
        int cameraWidth();

        @WithDefault("240")
        int cameraHeight();

        @WithDefault("10")
        int cameraFrameRate();

        @WithDefault("90000")
        int screenVideoBitsPerSecond();

        @WithDefault("2")
        double screenFrameRate();
    }

    interface Consent {
        /**
         * Whether a proctored exam may start only after the student consented to recording (Law No. 94-V).
         * Off only in the test profile, where the attempt tests do not walk through consent.
         */
        @WithDefault("true")
        boolean required();

        /**
         * Version of the notice text the student agrees to; bump it when the text changes. 2026-2: a proctor may
         * watch camera, microphone and screen live (issue 14).
         */
        @WithDefault("2026-2")
        String noticeVersion();

        /** The institution's alternative sitting, shown to a student who refuses (any language). */
        @WithDefault("You may sit this exam on campus under a teacher's supervision instead, without recording. Contact your dean's office to arrange the date; refusing is not a fail.")
        String alternativeSitting();
    }
}
