package kz.adal.media;

import java.time.Duration;

/**
 * How many bytes one track may hold: what the configured bitrate makes over the recording's length,
 * with headroom for bursts and for re-recorded segments after reloads, plus a fixed allowance.
 * A browser recording as configured stays far below it; a script uploading junk is stopped
 * ({@code RECORDING_QUOTA_EXCEEDED}, 413).
 */
record RecordingQuota(double headroom, long extraBytes) {

    static RecordingQuota of(MediaConfig.Quota q) {
        return new RecordingQuota(q.headroom(), q.extraBytes());
    }

    long bytesFor(Duration length, long bitsPerSecond) {
        double seconds = Math.max(0, length.toMillis()) / 1000.0;
        return (long) Math.ceil(headroom * bitsPerSecond / 8.0 * seconds) + extraBytes;
    }

    static long bitsPerSecond(MediaConfig.Recorder r, TrackKind kind) {
        return kind == TrackKind.SCREEN ? r.screenVideoBitsPerSecond()
                : (long) r.cameraVideoBitsPerSecond() + r.cameraAudioBitsPerSecond();
    }
}
