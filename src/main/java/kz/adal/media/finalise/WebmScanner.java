package kz.adal.media.finalise;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough EBML/Matroska parsing to splice MediaRecorder chunks: find where the header ends, walk
 * clusters and blocks, cut at the last complete element, and find the next cluster after a hole.
 *
 * <p>Chromium writes a live WebM: a Segment and Clusters of unknown size, no Cues, no Duration. Chunk
 * boundaries fall anywhere, even inside an element ID. Elements inside an unknown-size Cluster are
 * walked as a flat sequence, which works because Cluster children never share an ID with top-level
 * elements.
 */
public final class WebmScanner {

    static final int EBML = 0x1A45DFA3;
    static final int SEGMENT = 0x18538067;
    static final int CLUSTER = 0x1F43B675;
    static final int INFO = 0x1549A966;
    static final int TIMECODE_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int CUES = 0x1C53BB6B;
    static final int TIMECODE = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;
    static final int BLOCK_GROUP = 0xA0;
    static final int BLOCK = 0xA1;

    /** An element header: ID (with its length marker, as written), where its data starts, size or -1. */
    record Element(long start, int id, long dataStart, long size) {
        boolean unknownSize() {
            return size < 0;
        }

        long end() {
            return dataStart + size;
        }
    }

    /**
     * A run of complete elements from a cluster start, with the first and last block timestamps in
     * timecode units (ms for Chromium). Timestamps are -1 when the run holds no block.
     */
    record Piece(long start, long end, long firstTimecode, long lastTimecode) {
        boolean hasBlocks() {
            return firstTimecode >= 0;
        }
    }

    private WebmScanner() {
    }

    /** Reads an element header at {@code pos}; null when it does not fit before {@code limit} or is malformed. */
    static Element readElement(ByteBuffer b, long pos, long limit) {
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

    static long readUnsigned(ByteBuffer b, long pos, long length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b.get((int) (pos + i)) & 0xff);
        }
        return v;
    }

    /** Offset of the first Cluster: everything before it (EBML header, Segment, Info, Tracks) is the header. */
    static long headerLength(ByteBuffer b, long limit) {
        Element ebml = readElement(b, 0, limit);
        if (ebml == null || ebml.id() != EBML || ebml.unknownSize()) {
            throw new MediaException(MediaError.UNREADABLE_MEDIA, "No EBML header at the start of chunk 0");
        }
        Element segment = readElement(b, ebml.end(), limit);
        if (segment == null || segment.id() != SEGMENT) {
            throw new MediaException(MediaError.UNREADABLE_MEDIA, "No Matroska Segment after the EBML header");
        }
        long pos = segment.dataStart();
        while (true) {
            Element child = readElement(b, pos, limit);
            if (child == null) {
                throw new MediaException(MediaError.UNREADABLE_MEDIA, "The WebM header is incomplete");
            }
            if (child.id() == CLUSTER) {
                return pos;
            }
            if (child.unknownSize()) {
                throw new MediaException(MediaError.UNREADABLE_MEDIA, "Unexpected unknown-size element in the header");
            }
            pos = child.end();
        }
    }

    /** The Segment's TimecodeScale in nanoseconds (default 1 000 000 = ms ticks). */
    static long timecodeScale(ByteBuffer b, long headerLength) {
        Element ebml = readElement(b, 0, headerLength);
        Element segment = readElement(b, ebml.end(), headerLength);
        long pos = segment.dataStart();
        while (pos < headerLength) {
            Element child = readElement(b, pos, headerLength);
            if (child == null || child.unknownSize()) {
                break;
            }
            if (child.id() == INFO) {
                long p = child.dataStart();
                while (p < child.end()) {
                    Element e = readElement(b, p, child.end());
                    if (e == null || e.unknownSize()) {
                        break;
                    }
                    if (e.id() == TIMECODE_SCALE) {
                        return readUnsigned(b, e.dataStart(), e.size());
                    }
                    p = e.end();
                }
            }
            pos = child.end();
        }
        return 1_000_000L;
    }

    /**
     * Finds the first plausible Cluster start in {@code [from, limit)}: the Cluster ID, a valid size and
     * a Timecode element right after it. Returns -1 if none.
     */
    static long findClusterStart(ByteBuffer b, long from, long limit) {
        for (long pos = from; pos + 4 <= limit; pos++) {
            if ((b.get((int) pos) & 0xff) != 0x1F || (b.get((int) pos + 1) & 0xff) != 0x43
                    || (b.get((int) pos + 2) & 0xff) != 0xB6 || (b.get((int) pos + 3) & 0xff) != 0x75) {
                continue;
            }
            Element cluster = readElement(b, pos, limit);
            if (cluster == null || cluster.id() != CLUSTER) {
                continue;
            }
            Element timecode = readElement(b, cluster.dataStart(), limit);
            if (timecode != null && timecode.id() == TIMECODE && !timecode.unknownSize()
                    && timecode.size() >= 1 && timecode.size() <= 8 && timecode.end() <= limit) {
                return pos;
            }
        }
        return -1;
    }

    /**
     * Walks complete elements from {@code start} (a Cluster start) up to {@code limit} and returns the
     * longest prefix made of whole elements, with its block timestamps.
     */
    static Piece walk(ByteBuffer b, long start, long limit) {
        long pos = start;
        long lastComplete = start;
        long clusterTimecode = -1;
        long first = -1;
        long last = -1;
        while (pos < limit) {
            Element e = readElement(b, pos, limit);
            if (e == null) {
                break;
            }
            if (e.id() == CLUSTER) {
                pos = e.dataStart(); // descend: children follow, known size or not
                clusterTimecode = -1;
                continue;
            }
            if (e.unknownSize() || e.end() > limit) {
                break;
            }
            if (e.id() == TIMECODE) {
                clusterTimecode = readUnsigned(b, e.dataStart(), e.size());
            } else if (clusterTimecode >= 0 && (e.id() == SIMPLE_BLOCK || e.id() == BLOCK_GROUP)) {
                long blockStart = e.dataStart();
                if (e.id() == BLOCK_GROUP) {
                    blockStart = -1;
                    for (long p = e.dataStart(); p < e.end(); ) {
                        Element c = readElement(b, p, e.end());
                        if (c == null || c.unknownSize()) {
                            break;
                        }
                        if (c.id() == BLOCK) {
                            blockStart = c.dataStart();
                            break;
                        }
                        p = c.end();
                    }
                }
                if (blockStart >= 0) {
                    long ts = clusterTimecode + blockRelativeTimecode(b, blockStart);
                    first = first < 0 ? ts : Math.min(first, ts);
                    last = Math.max(last, ts);
                }
            }
            pos = e.end();
            lastComplete = pos;
        }
        return new Piece(start, lastComplete, first, last);
    }

    /** A Block starts with the track number (a vint) and a signed 16-bit timecode relative to the cluster. */
    private static int blockRelativeTimecode(ByteBuffer b, long blockStart) {
        int first = b.get((int) blockStart) & 0xff;
        int trackLength = Integer.numberOfLeadingZeros(first) - 23;
        long p = blockStart + trackLength;
        return (short) (((b.get((int) p) & 0xff) << 8) | (b.get((int) p + 1) & 0xff));
    }

    /** IDs of the Segment's direct children in a finished (known-size) file, in order. */
    static List<Integer> segmentChildren(ByteBuffer b, long limit) {
        List<Integer> ids = new ArrayList<>();
        Element ebml = readElement(b, 0, limit);
        if (ebml == null || ebml.id() != EBML) {
            return ids;
        }
        Element segment = readElement(b, ebml.end(), limit);
        if (segment == null || segment.id() != SEGMENT) {
            return ids;
        }
        long end = segment.unknownSize() ? limit : Math.min(limit, segment.end());
        long pos = segment.dataStart();
        while (pos < end) {
            Element child = readElement(b, pos, end);
            if (child == null || child.unknownSize()) {
                break;
            }
            ids.add(child.id());
            pos = child.end();
        }
        return ids;
    }
}
