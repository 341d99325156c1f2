package kz.adal.media;

import java.util.List;
import java.util.UUID;

/**
 * The media-server side of recording: a live WebRTC view of a student for the proctor and server-side recording.
 * The default ({@link NoLiveMedia}) has no media server: recording then goes through the browser's MediaRecorder
 * chunks ({@link RecordingService}), which is the path that is built and tested. With
 * {@code adal.media.kurento.url} set, {@link KurentoLiveMedia} is used.
 */
public interface LiveMediaProvider {

    /** An SDP answer and the server's ICE candidates gathered so far (the rest trickle via {@link #candidates}). */
    record Answer(String sessionKey, String sdp, List<KurentoClient.IceCandidate> candidates) {
    }

    /** Whether a media server is configured. */
    boolean available();

    /**
     * The student's browser publishes a track (sendonly offer); the server records it to its own storage
     * (a RecorderEndpoint) and keeps it ready for viewers.
     */
    Answer publish(UUID attemptId, TrackKind kind, String sdpOffer);

    /** A proctor's browser watches a published track (recvonly offer). */
    Answer view(UUID attemptId, TrackKind kind, String sdpOffer);

    /** A browser's ICE candidate for a session. */
    void addCandidate(String sessionKey, KurentoClient.IceCandidate candidate);

    /** The server's candidates found since the last call. */
    List<KurentoClient.IceCandidate> candidates(String sessionKey);

    /** Stops recording and releases everything of the attempt. */
    void stop(UUID attemptId);
}
