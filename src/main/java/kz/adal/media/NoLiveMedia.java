package kz.adal.media;

import kz.adal.platform.Problem;

import java.util.List;
import java.util.UUID;

/** No media server: the browser's chunks are the recording; a live view is not offered. */
final class NoLiveMedia implements LiveMediaProvider {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public Answer publish(UUID attemptId, TrackKind kind, String sdpOffer) {
        throw unavailable();
    }

    @Override
    public Answer view(UUID attemptId, TrackKind kind, String sdpOffer) {
        throw unavailable();
    }

    @Override
    public void addCandidate(String sessionKey, KurentoClient.IceCandidate candidate) {
        throw unavailable();
    }

    @Override
    public List<KurentoClient.IceCandidate> candidates(String sessionKey) {
        throw unavailable();
    }

    @Override
    public void stop(UUID attemptId) {
        // nothing to release
    }

    private static Problem unavailable() {
        return Problem.conflict("LIVE_MEDIA_UNAVAILABLE", "No media server is configured (adal.media.kurento.url)");
    }
}
