package kz.adal.media;

import kz.adal.platform.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a track is in its life: receiving chunks, being finalised, playable, failed, or deleted by retention.
 * The moves are in {@link #next()} (docs/domain/media-track-lifecycle.md). The claim of a track for
 * finalisation (RECORDING or a stale FINALISING → FINALISING) and a node's release of its own claims
 * (FINALISING → RECORDING) are conditional bulk updates in {@link FinaliseClaims} (for the finalise job), so that two nodes
 * never claim one track; their {@code where} clauses take exactly those moves. The other moves are the
 * verbs of {@link MediaTrack}.
 */
public enum TrackState implements Lifecycle<TrackState> {
    /** Chunks are accepted (while the attempt runs and for the upload grace after it). */
    RECORDING,
    /** A node claimed it and runs FFmpeg; no chunks are accepted any more. */
    FINALISING,
    /** One seekable file with duration, thumbnails and alignment. */
    FINALISED,
    /** Finalisation failed (e.g. chunk 0 of every segment lost); the chunks are kept for a person to look at. */
    FAILED,
    /** Deleted by the retention job; only the row remains. */
    DELETED;

    public Set<TrackState> next() {
        return switch (this) {
            case RECORDING -> EnumSet.of(FINALISING, DELETED);
            // FINALISING again: a stale claim is taken over; RECORDING: a stopping node releases its claims
            case FINALISING -> EnumSet.of(FINALISING, RECORDING, FINALISED, FAILED, DELETED);
            case FINALISED, FAILED -> EnumSet.of(DELETED);
            case DELETED -> EnumSet.noneOf(TrackState.class);
        };
    }

    /** Whether new chunks may still arrive. */
    public boolean acceptsChunks() {
        return this == RECORDING;
    }
}
