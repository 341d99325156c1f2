package kz.adal.media;

import java.util.List;

/**
 * The acknowledgement the client gets for a chunk. The client may drop its local copy once it holds a
 * receipt with {@link Outcome#STORED} or {@link Outcome#DUPLICATE} for that seq.
 *
 * @param record  the ledger row (new, or the one stored before for a duplicate)
 * @param missing sequence numbers below the highest stored one that are still missing
 */
public record ChunkReceipt(int seq, Outcome outcome, ChunkRecord record, List<Integer> missing) {

    public enum Outcome {
        /** First time this seq arrived: stored now. */
        STORED,
        /** The same bytes were stored before (a re-send after a lost acknowledgement): nothing written. */
        DUPLICATE
    }
}
