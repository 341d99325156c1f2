package kz.adal.media;

import java.nio.ByteBuffer;

/**
 * The EBML element reading both sides of a recording need: the upload's check that a chunk carries WebM cluster content
 * ({@link #carriesClusterContent}, by {@link ChunkLedger}) and the element headers the finaliser's splicing walks
 * ({@code media.finalise.WebmScanner}, which builds on this class: the finalise package uses the media package, never
 * the other way).
 */
public final class WebmChunks {

    public static final int EBML = 0x1A45DFA3;
    public static final int SEGMENT = 0x18538067;
    public static final int CLUSTER = 0x1F43B675;
    public static final int INFO = 0x1549A966;
    public static final int TIMECODE_SCALE = 0x2AD7B1;
    public static final int DURATION = 0x4489;
    public static final int CUES = 0x1C53BB6B;
    public static final int TIMECODE = 0xE7;
    public static final int SIMPLE_BLOCK = 0xA3;
    public static final int BLOCK_GROUP = 0xA0;
    public static final int BLOCK = 0xA1;

    /** An element header: ID (with its length marker, as written), where its data starts, size or -1. */
    public record Element(long start, int id, long dataStart, long size) {
        public boolean unknownSize() {
            return size < 0;
        }

        public long end() {
            return dataStart + size;
        }
    }

    private WebmChunks() {
    }

    /** Reads an element header at {@code pos}; null when it does not fit before {@code limit} or is malformed. */
    public static Element readElement(ByteBuffer b, long pos, long limit) {
        if (pos >= limit) {
            return null;
        }
        int first = b.get((int) pos) & 0xff;
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || idLength > 4 || pos + idLength > limit) {
            return null;
        }
        int id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (b.get((int) pos + i) & 0xff);
        }
        long sizePos = pos + idLength;
        if (sizePos >= limit) {
            return null;
        }
        int sizeFirst = b.get((int) sizePos) & 0xff;
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (sizeFirst == 0 || sizeLength > 8 || sizePos + sizeLength > limit) {
            return null;
        }
        long size = sizeFirst & (0xff >> sizeLength);
        boolean allOnes = size == (0xff >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int v = b.get((int) sizePos + i) & 0xff;
            allOnes &= v == 0xff;
            size = (size << 8) | v;
        }
        return new Element(pos, id, sizePos + sizeLength, allOnes ? -1 : size);
    }

    /** Elements that follow one another inside a live Cluster (or start the next one). */
    private static final java.util.Set<Integer> CLUSTER_LEVEL = java.util.Set.of(SIMPLE_BLOCK, BLOCK_GROUP, CLUSTER, TIMECODE, CUES,
            0xEC /* Void */, 0xA7 /* Position */, 0xAB /* PrevSize */);

    /**
     * What a chunk may start with before its first whole element: Chromium's muxer writes an element's
     * ID and its size and data in separate writes, and a timeslice may fall between them, so a recorded
     * chunk starts right after a SimpleBlock's ID (A3) or inside a Cluster's ID (the fixtures in
     * src/test/resources/media do both).
     */
    private static final byte[][] CUT_ID_PREFIXES = {{}, {(byte) 0xA3}, {0x1F}, {0x1F, 0x43}, {0x1F, 0x43, (byte) 0xB6}};

    /**
     * Does a chunk other than a segment's first carry Matroska cluster content? Its bytes (after a cut
     * ID, see {@link #CUT_ID_PREFIXES}) must read as a run of cluster-level elements — blocks of a
     * plausible track, timecodes, cluster headers — to the chunk's end, where the last may continue in
     * the next chunk. A web page, a script, a document or random bytes fail at the first element.
     */
    public static boolean carriesClusterContent(byte[] bytes) {
        for (byte[] prefix : CUT_ID_PREFIXES) {
            byte[] candidate = bytes;
            if (prefix.length > 0) {
                candidate = new byte[prefix.length + bytes.length];
                System.arraycopy(prefix, 0, candidate, 0, prefix.length);
                System.arraycopy(bytes, 0, candidate, prefix.length, bytes.length);
            }
            if (walksAsClusterContent(candidate)) return true;
        }
        return false;
    }

    private static boolean walksAsClusterContent(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        long limit = b.length;
        long pos = 0;
        int whole = 0;
        while (pos < limit) {
            Element e = readElement(buf, pos, limit);
            if (e == null) {
                // the chunk ends inside the next element's header
                return whole >= 2 && limit - pos <= 12;
            }
            if (!CLUSTER_LEVEL.contains(e.id())) return false;
            if (e.id() == CLUSTER) {                 // its children follow directly
                pos = e.dataStart();
                whole++;
                continue;
            }
            if (e.unknownSize()) return false;
            if (e.id() == SIMPLE_BLOCK) {
                if (e.size() < 4) return false;
                if (e.dataStart() < limit) {
                    int track = b[(int) e.dataStart()] & 0xff;
                    if (track < 0x81 || track > 0x88) return false;
                }
            }
            if (e.end() > limit) return whole >= 1;  // continues in the next chunk
            whole++;
            if (e.end() == limit) return true;
            pos = e.end();
        }
        return whole >= 1;
    }
}
