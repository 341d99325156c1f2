package kz.adal.media.finalise;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.media.FinaliseClaims;
import kz.adal.media.FinaliseClaims.ClaimedTrack;
import kz.adal.media.FinaliseClaims.Joined;
import kz.adal.media.MediaConfig;
import kz.adal.media.MediaException;
import kz.adal.media.RecordingGap;
import kz.adal.media.RecordingStorage;
import kz.adal.media.TrackAlignment;
import kz.adal.media.TrackId;
import kz.adal.media.TrackKind;
import kz.adal.media.TrackLedgerState;
import kz.adal.media.TrackState;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finalises recordings once their attempt finished and the upload grace passed ({@code adal.media.upload-grace}):
 * every segment through {@link TrackFinaliser} (seekable WebM, gaps, alignment), then all segments on one time
 * line ({@link SegmentJoiner}) with a thumbnail strip. Several nodes may run it: a track is claimed by a
 * conditional update (RECORDING → FINALISING) before the slow work, naming the node; the node renews its
 * claims while it works and releases them when it starts again, so a claim dies with its node: one not
 * renewed for {@link MediaConfig#finaliseLease()} is taken over. The track rows are the media package's: claims,
 * loading and settling go through its {@link FinaliseClaims} (records), so this package never reaches the entities.
 */
@ApplicationScoped
public class RecordingFinaliseJob {
    private static final Logger LOG = Logger.getLogger(RecordingFinaliseJob.class);

    /** What one track's finalisation gave. */
    public record Outcome(UUID trackId, TrackKind kind, TrackState state, double durationSeconds, List<RecordingGap> gaps,
                          String error) {
    }

    private final FinaliseClaims claims;
    private final RecordingStorage storage;
    private final MediaConfig config;
    private final TimeSource time;
    /** This node's name on its claims (stable across restarts). */
    private final String node;
    /** Tracks this node is finalising now: their claims are renewed while the work goes on. */
    private final Set<UUID> working = ConcurrentHashMap.newKeySet();

    RecordingFinaliseJob(FinaliseClaims claims, RecordingStorage storage, MediaConfig config, TimeSource time) {
        this.claims = claims;
        this.storage = storage;
        this.config = config;
        this.time = time;
        this.node = config.node().filter(n -> !n.isBlank()).orElseGet(() -> defaultNode(config.workDir()));
    }

    private static String defaultNode(String workDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String name = host + ":" + Paths.get(workDir).toAbsolutePath().normalize();
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    /** This node's name on its claims (public for the media package's claim tests). */
    public String node() { return node; }

    /**
     * A node that died while finalising held claims nobody renews; when it starts again it releases
     * them at once (they are finalised anew) and removes the temporary folders the dead run left.
     */
    void onStart(@Observes StartupEvent ev) {
        int released = releaseOwnClaims();
        if (released > 0) LOG.warnf("released %d finalisation claim(s) this node held when it stopped", released);
    }

    /** What the node does when it starts (public for the media package's claim tests). */
    public int releaseOwnClaims() {
        int released = claims.releaseClaimsOf(node);
        Path work = Paths.get(config.workDir());
        if (Files.isDirectory(work)) {
            try (var leftovers = Files.list(work)) {
                leftovers.filter(p -> p.getFileName().toString().startsWith("join-") || p.getFileName().toString().startsWith("finalise-"))
                        .forEach(RecordingFinaliseJob::deleteTree);
            } catch (IOException e) {
                LOG.warnf("could not clean the media work directory %s: %s", work, e.getMessage());
            }
        }
        return released;
    }

    /** For tests (the media package's claim tests): the track counts as in this node's hands, and its claim is renewed now. */
    public void renewWhileWorking(UUID track) {
        working.add(track);
        try {
            renewClaims();
        } finally {
            working.remove(track);
        }
    }

    /** Renews this node's claims while it works, so no other node takes a track over mid-way. */
    @Scheduled(identity = "recording-finalise-lease", every = "${adal.media.finalise-lease-renew:40s}")
    void renewClaims() {
        if (working.isEmpty()) return;
        claims.renew(Set.copyOf(working), node, now());
    }

    @Scheduled(identity = "recording-finalise", every = "${adal.media.finalise-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        List<Outcome> done = finaliseDue();
        if (!done.isEmpty()) LOG.infof("finalised %d recording track(s)", done.size());
    }

    /** Finalises every track whose attempt finished more than the upload grace ago. */
    public List<Outcome> finaliseDue() {
        Instant now = now();
        Instant cutoff = now.minus(config.uploadGrace());
        List<UUID> due = claims.due(now, cutoff);
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : due) {
            if (!claims.claim(id, now, node)) continue; // another node was first
            working.add(id);
            try {
                Outcome outcome = finalise(id);
                outcomes.add(outcome);
                io.micrometer.core.instrument.Metrics.counter("adal.media.finalise", "state", String.valueOf(outcome.state())).increment();
            } finally {
                working.remove(id);
            }
        }
        return outcomes;
    }

    private record SegmentResult(int segment, FinalisedTrack track) {
    }

    /** Finalises one claimed track (outside any transaction: FFmpeg takes seconds). */
    Outcome finalise(UUID trackId) {
        ClaimedTrack loaded = claims.load(trackId);
        Path work = Paths.get(config.workDir());
        TrackFinaliser finaliser = new TrackFinaliser(storage, TrackFinaliser.Settings.defaults(), work);
        List<RecordingGap> gaps = new ArrayList<>();
        List<SegmentResult> results = new ArrayList<>();
        List<Integer> segments = loaded.segments().keySet().stream().sorted().toList();
        for (int s : segments) {
            TrackLedgerState state = new TrackLedgerState(loaded.segmentIds().get(s), loaded.segments().get(s), loaded.closedAt(), null);
            try {
                results.add(new SegmentResult(s, finaliser.finalise(state)));
            } catch (MediaException e) {
                LOG.warnf("recording %s %s segment %d unusable: %s", loaded.label(), loaded.kind(), s, e.getMessage());
                gaps.add(new RecordingGap("LOST_SEGMENT", s, 0, loaded.segments().get(s).get(loaded.segments().get(s).size() - 1).seq(), -1, -1));
            }
        }
        if (results.isEmpty()) {
            return store(loaded, TrackState.FAILED, null, gaps, segments.size(), "No segment could be decoded (chunk 0 missing)");
        }
        Path dir = null;
        try {
            Files.createDirectories(work);
            dir = Files.createTempDirectory(work, "join-");
            Instant zero = results.get(0).track().alignment().mediaZeroAt();
            List<SegmentJoiner.Part> parts = new ArrayList<>();
            double previousEnd = 0;
            for (SegmentResult r : results) {
                FinalisedTrack f = r.track();
                double offset = Math.max(previousEnd, Duration.between(zero, f.alignment().mediaZeroAt()).toNanos() / 1e9);
                if (!parts.isEmpty() && offset - previousEnd > 0.05) {
                    gaps.add(new RecordingGap("RECORDER_RESTART", r.segment(), -1, -1, round(previousEnd), round(offset)));
                }
                for (MediaGap g : f.gaps()) {
                    gaps.add(new RecordingGap("MISSING_CHUNKS", r.segment(), g.firstMissingSeq(), g.lastMissingSeq(),
                            round(offset + g.fromSeconds()), round(offset + g.toSeconds())));
                }
                Path file = dir.resolve("segment-" + r.segment() + ".webm");
                try (InputStream in = storage.open(f.recordingKey())) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                parts.add(new SegmentJoiner.Part(file, offset));
                previousEnd = offset + f.durationSeconds();
            }
            Path joined = dir.resolve("recording.webm");
            SegmentJoiner.join(parts, joined);
            double duration = WebmProbe.probeDuration(joined);
            boolean seekable = WebmProbe.hasCuesAndDuration(joined);
            ThumbnailStrip strip = new Thumbnails(TrackFinaliser.Settings.defaults()).strip(joined, duration);
            TrackId id = loaded.joinedId();
            storage.write(id.trackRecordingKey(), joined);
            if (strip != null) {
                storage.write(id.trackThumbnailSpriteKey(), strip.jpeg());
                storage.write(id.trackThumbnailIndexKey(), strip.indexJson().getBytes(StandardCharsets.UTF_8));
            }
            TrackAlignment first = results.get(0).track().alignment();
            Joined measured = new Joined(Files.size(joined), Math.round(duration * 1000), seekable, first.mediaZeroAt(),
                    first.clockOffset().toMillis(), strip != null);
            gaps.sort(Comparator.comparingDouble(RecordingGap::fromSeconds));
            return store(loaded, TrackState.FINALISED, measured, gaps, segments.size(), null);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "finalising recording %s %s failed", loaded.label(), loaded.kind());
            return store(loaded, TrackState.FAILED, null, gaps, segments.size(), e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    private Outcome store(ClaimedTrack t, TrackState state, Joined result, List<RecordingGap> gaps, int segments, String error) {
        claims.settle(t.id(), state, result, gaps, segments, error, now());
        return new Outcome(t.id(), t.kind(), state, result == null ? 0 : result.durationMs() / 1000.0, List.copyOf(gaps), error);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }
}
