package kz.adal.media;

import kz.adal.media.finalise.RecordingFinaliseJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node killed while finalising a recording leaves a FINALISING claim and a temporary folder. The
 * claim dies with the node: the restarted node releases its own at start and cleans the leftovers;
 * a claim nobody renews is taken over after the lease, not after an hour; a live claim is left alone.
 */
@QuarkusTest
class FinaliseClaimTest {
    @Inject
    TimeSource time;
    @Inject
    RecordingFinaliseJob finaliser;
    @Inject
    MediaConfig config;

    @AfterEach
    void resetClock() { time.reset(); }

    /** A submitted attempt with its camera uploaded, past the upload grace: due for finalisation. */
    private UUID dueTrack() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        for (int seq = 0; seq < RecordingApiTest.CAMERA.chunks().size(); seq++) {
            RecordingApiTest.put(s.student(), attempt, 0, seq, 0).then().statusCode(200);
        }
        RecordingApiTest.submit(s.student(), attempt);
        return QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>find("attemptId = ?1 and kind = ?2", attempt, TrackKind.CAMERA)
                .firstResult().id);
    }

    /** The state a node leaves when it dies mid-way: the track claimed by it at {@code at}. */
    private static void claimedBy(UUID track, String node, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            MediaTrack t = MediaTrack.findById(track);
            t.state = TrackState.FINALISING;
            t.claimedBy = node;
            t.claimedAt = at;
            t.closedAt = at;
        });
    }

    private static TrackState state(UUID track) {
        return QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>findById(track).state);
    }

    private boolean finalisedNow(UUID track) {
        return finaliser.finaliseDue().stream().anyMatch(o -> o.trackId().equals(track) && o.state() == TrackState.FINALISED);
    }

    @Test
    void aRestartedNodeReleasesItsOwnClaimsAndCleansItsLeftovers() throws Exception {
        UUID track = dueTrack();
        time.advance(config.uploadGrace().plusSeconds(1));
        claimedBy(track, finaliser.node(), time.now());
        Path leftover = Files.createDirectories(Paths.get(config.workDir()).resolve("join-" + track));
        Files.writeString(leftover.resolve("segment-0.webm"), "half a file");

        assertFalse(finalisedNow(track), "a fresh claim is not taken");
        assertEquals(1, finaliser.releaseOwnClaims(), "what the node does when it starts again");
        assertFalse(Files.exists(leftover), "the dead run's temporary folder is gone");
        assertTrue(finalisedNow(track));
        assertEquals(TrackState.FINALISED, state(track));
    }

    @Test
    void aClaimNobodyRenewsIsTakenOverAfterTheLease() {
        UUID track = dueTrack();
        time.advance(config.uploadGrace().plusSeconds(1));
        claimedBy(track, "a-node-that-died", time.now());
        assertEquals(0, finaliser.releaseOwnClaims(), "another node's claim is not ours to release");
        assertFalse(finalisedNow(track), "a live claim is left to its node");

        time.advance(config.finaliseLease().plus(Duration.ofSeconds(1)));
        assertTrue(finalisedNow(track), "taken over minutes later, not after an hour");
    }

    @Test
    void aNodeAtWorkKeepsItsClaim() {
        UUID track = dueTrack();
        time.advance(config.uploadGrace().plusSeconds(1));
        Instant claimed = time.now();
        claimedBy(track, finaliser.node(), claimed);
        time.advance(Duration.ofSeconds(50));
        finaliser.renewWhileWorking(track);
        time.advance(config.finaliseLease().minus(Duration.ofSeconds(30)));
        assertFalse(finalisedNow(track), "renewed: still this node's");
    }
}
