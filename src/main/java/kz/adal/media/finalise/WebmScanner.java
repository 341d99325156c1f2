package kz.adal.media.finalise;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import kz.adal.media.WebmChunks;
import kz.adal.media.WebmChunks.Element;
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

    static final int EBML = WebmChunks.EBML;
    static final int SEGMENT = WebmChunks.SEGMENT;
    static final int CLUSTER = WebmChunks.CLUSTER;
    static final int INFO = WebmChunks.INFO;
    static final int TIMECODE_SCALE = WebmChunks.TIMECODE_SCALE;
    static final int DURATION = WebmChunks.DURATION;
    static final int CUES = WebmChunks.CUES;
    static final int TIMECODE = WebmChunks.TIMECODE;
    static final int SIMPLE_BLOCK = WebmChunks.SIMPLE_BLOCK;
    static final int BLOCK_GROUP = WebmChunks.BLOCK_GROUP;
    static final int BLOCK = WebmChunks.BLOCK;

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

    /** See {@link WebmChunks#readElement}. */
    static Element readElement(ByteBuffer b, long pos, long limit) {
        return WebmChunks.readElement(b, pos, limit);
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
