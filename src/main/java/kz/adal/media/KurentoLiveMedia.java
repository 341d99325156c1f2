package kz.adal.media;

import kz.adal.platform.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Live view and server-side recording through Kurento Media Server. Per attempt one MediaPipeline; per
 * published track a WebRtcEndpoint (the student's sendonly stream) connected to a RecorderEndpoint writing
 * {@code <recordings-uri>/<attempt>/<camera|screen>.webm}; per viewer another WebRtcEndpoint fed from the
 * student's. The recorder's file is the media server's copy; the chunk upload stays the recording of record
 * (it works offline, the server-side copy does not).
 */
final class KurentoLiveMedia implements LiveMediaProvider {

    private record Published(String endpoint, String recorder) {
    }

    private record Attempt(String pipeline, Map<TrackKind, Published> tracks) {
    }

    private final Supplier<KurentoClient> connector;
    private final String recordingsUri;
    private final Map<UUID, Attempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();           // session key → endpoint
    private final Map<String, List<KurentoClient.IceCandidate>> found = new ConcurrentHashMap<>();
    private volatile KurentoClient client;

    KurentoLiveMedia(Supplier<KurentoClient> connector, String recordingsUri) {
        this.connector = connector;
        this.recordingsUri = recordingsUri.replaceAll("/+$", "");
    }

    private synchronized KurentoClient client() {
        if (client == null) client = connector.get();
        return client;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public synchronized Answer publish(UUID attemptId, TrackKind kind, String sdpOffer) {
        KurentoClient k = client();
        Attempt a = attempts.computeIfAbsent(attemptId, id -> new Attempt(k.createPipeline(), new ConcurrentHashMap<>()));
        Published old = a.tracks().remove(kind);
        if (old != null) {
            k.stop(old.recorder());
            k.release(old.endpoint());
            k.release(old.recorder());
        }
        String endpoint = k.createWebRtcEndpoint(a.pipeline());
        String recorder = k.createRecorder(a.pipeline(), recordingsUri + "/" + attemptId + "/" + kind.folder() + ".webm");
        String key = session(endpoint);
        k.onIceCandidate(endpoint, c -> found.get(key).add(c));
        k.connect(endpoint, recorder);
        String answer = k.processOffer(endpoint, sdpOffer);
        k.gatherCandidates(endpoint);
        k.record(recorder);
        a.tracks().put(kind, new Published(endpoint, recorder));
        return new Answer(key, answer, candidates(key));
    }

    @Override
    public synchronized Answer view(UUID attemptId, TrackKind kind, String sdpOffer) {
        Attempt a = attempts.get(attemptId);
        Published p = a == null ? null : a.tracks().get(kind);
        if (p == null) throw Problem.conflict("LIVE_NOT_PUBLISHED", "The student is not streaming " + kind.folder() + " now");
        KurentoClient k = client();
        String viewer = k.createWebRtcEndpoint(a.pipeline());
        String key = session(viewer);
        k.onIceCandidate(viewer, c -> found.get(key).add(c));
        k.connect(p.endpoint(), viewer);
        String answer = k.processOffer(viewer, sdpOffer);
        k.gatherCandidates(viewer);
        return new Answer(key, answer, candidates(key));
    }

    @Override
    public void addCandidate(String sessionKey, KurentoClient.IceCandidate candidate) {
        String endpoint = endpoints.get(sessionKey);
        if (endpoint == null) throw Problem.notFound("Live session");
        client().addIceCandidate(endpoint, candidate);
    }

    @Override
    public List<KurentoClient.IceCandidate> candidates(String sessionKey) {
        List<KurentoClient.IceCandidate> list = found.get(sessionKey);
        if (list == null) throw Problem.notFound("Live session");
        synchronized (list) {
            List<KurentoClient.IceCandidate> out = new ArrayList<>(list);
            list.clear();
            return out;
        }
    }

    @Override
    public synchronized void stop(UUID attemptId) {
        Attempt a = attempts.remove(attemptId);
        if (a == null) return;
        KurentoClient k = client();
        for (Published p : a.tracks().values()) k.stop(p.recorder());
        k.release(a.pipeline());
    }

    private String session(String endpoint) {
        String key = RecordingService.newToken();
        endpoints.put(key, endpoint);
        found.put(key, java.util.Collections.synchronizedList(new ArrayList<>()));
        return key;
    }
}
