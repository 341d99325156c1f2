package kz.adal.media.finalise;

import kz.adal.media.ChunkRecord;
import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import kz.adal.media.RecordingStorage;
import kz.adal.media.TrackAlignment;
import kz.adal.media.TrackId;
import kz.adal.media.TrackLedgerState;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_close;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns a closed track's chunks into one seekable WebM, a thumbnail sprite and an alignment record.
 *
 * <ol>
 *   <li>Concatenate the stored chunks in seq order (chunk 0 carries the WebM header; later chunks are
 *       bare cluster data and cannot be decoded alone).</li>
 *   <li>Where chunks are missing, splice: the bytes before the hole are cut at the last complete
 *       element, and the bytes after it are skipped up to the next Cluster start ({@link WebmScanner}).
 *       Cluster timecodes count from the start of the recording, so times stay true across the hole.</li>
 *   <li>Remux with FFmpeg's libavformat (stream copy, no re-encoding) into a file WebM muxer, which
 *       writes Duration and Cues because the output is seekable. After a hole, video packets are dropped
 *       until the next keyframe, so no frame refers to a lost one.</li>
 *   <li>Take one small frame every {@link Settings#thumbnailIntervalSeconds()} and tile them ({@link Thumbnails}).</li>
 * </ol>
 * Chunk 0 missing → {@link MediaError#MISSING_FIRST_CHUNK}: without the header nothing can be decoded.
 */
public final class TrackFinaliser {

    /**
     * @param thumbnailIntervalSeconds one thumbnail every N seconds of media
     * @param thumbnailWidth           tile width in pixels (height follows the aspect ratio)
     * @param columns                  tiles per sprite row
     * @param jpegQuality              0..1
     */
    public record Settings(double thumbnailIntervalSeconds, int thumbnailWidth, int columns, float jpegQuality) {
        public Settings {
            if (thumbnailIntervalSeconds <= 0 || thumbnailWidth < 16 || columns < 1 || jpegQuality <= 0 || jpegQuality > 1) {
                throw new IllegalArgumentException("Invalid thumbnail settings");
            }
        }

        /** A frame every 10 s, 160 px wide, 10 per row: a 50-minute exam gives a 300-tile sprite. */
        public static Settings defaults() {
            return new Settings(10, 160, 10, 0.7f);
        }
    }

    private record Splice(long offset, int firstMissingSeq, int lastMissingSeq) {
    }

    private final RecordingStorage storage;
    private final Settings settings;
    private final Path workRoot;

    /** {@code workRoot}: a local directory for temporary files (FFmpeg needs seekable files). */
    public TrackFinaliser(RecordingStorage storage, Settings settings, Path workRoot) {
        this.storage = storage;
        this.settings = settings;
        this.workRoot = workRoot;
    }

    /**
     * Finalises a track from its ledger state and writes the recording, sprite and index to storage
     * under the track's keys. The track should be closed; an open one is finalised as far as it goes.
     */
    public FinalisedTrack finalise(TrackLedgerState state) {
        List<ChunkRecord> chunks = state.chunks();
        if (chunks.isEmpty() || chunks.get(0).seq() != 0) {
            throw new MediaException(MediaError.MISSING_FIRST_CHUNK,
                    "Chunk 0 (the WebM header) never arrived; the track cannot be decoded");
        }
        TrackId track = state.track();
        Path work = null;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, "finalise-");
            Path raw = work.resolve("raw.webm");
            List<Splice> splices = concatenate(track, chunks, raw);
            Path repaired = work.resolve("repaired.webm");
            Spliced spliced = splice(raw, splices, repaired);
            List<MediaGap> gaps = new ArrayList<>(spliced.gaps());
            int expectedEnd = chunks.get(chunks.size() - 1).seq() + 1;
            if (state.declaredChunkCount() != null && state.declaredChunkCount() > expectedEnd) {
                gaps.add(new MediaGap(expectedEnd, state.declaredChunkCount() - 1, spliced.lastSeconds(),
                        spliced.lastSeconds(), true));
            }
            Path output = work.resolve("recording.webm");
            remux(repaired, output, spliced.resumeTimes());
            double duration = WebmProbe.probeDuration(output);
            boolean seekable = WebmProbe.hasCuesAndDuration(output);
            ThumbnailStrip strip = new Thumbnails(settings).strip(output, duration);

            storage.write(track.recordingKey(), output);
            if (strip != null) {
                storage.write(track.thumbnailSpriteKey(), strip.jpeg());
                storage.write(track.thumbnailIndexKey(), strip.indexJson().getBytes(StandardCharsets.UTF_8));
            }
            return new FinalisedTrack(track, track.recordingKey(), Files.size(output), duration, seekable,
                    List.copyOf(gaps), strip, strip == null ? null : track.thumbnailSpriteKey(),
                    strip == null ? null : track.thumbnailIndexKey(), TrackAlignment.estimate(chunks, duration));
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Finalising " + track + " failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** Writes the chunks in order into one file and notes where each hole was. */
    private List<Splice> concatenate(TrackId track, List<ChunkRecord> chunks, Path raw) throws IOException {
        List<Splice> splices = new ArrayList<>();
        long offset = 0;
        int expected = 0;
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (ChunkRecord chunk : chunks) {
                if (chunk.seq() != expected) {
                    splices.add(new Splice(offset, expected, chunk.seq() - 1));
                }
                long n;
                try (InputStream in = storage.open(track.chunkKey(chunk.seq()))) {
                    n = in.transferTo(out);
                }
                if (n != chunk.size()) {
                    throw new MediaException(MediaError.UNREADABLE_MEDIA, "Chunk " + chunk.seq() + " has " + n
                            + " bytes in storage but " + chunk.size() + " in the ledger");
                }
                offset += n;
                expected = chunk.seq() + 1;
            }
        }
        return splices;
    }

    private record Spliced(List<MediaGap> gaps, List<Double> resumeTimes, double lastSeconds) {
    }

    /** Header + the complete pieces between holes, as one continuous WebM stream. */
    private Spliced splice(Path raw, List<Splice> splices, Path repaired) throws IOException {
        try (FileChannel in = FileChannel.open(raw, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(repaired, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            if (size > Integer.MAX_VALUE) {
                throw new MediaException(MediaError.UNREADABLE_MEDIA, "Track larger than 2 GiB");
            }
            MappedByteBuffer buf = in.map(FileChannel.MapMode.READ_ONLY, 0, size);
            long firstEnd = splices.isEmpty() ? size : splices.get(0).offset();
            long header = WebmScanner.headerLength(buf, firstEnd);
            double tick = WebmScanner.timecodeScale(buf, header) / 1e9;
            in.transferTo(0, header, out);

            List<MediaGap> gaps = new ArrayList<>();
            List<Double> resumeTimes = new ArrayList<>();
            WebmScanner.Piece first = WebmScanner.walk(buf, header, firstEnd);
            in.transferTo(first.start(), first.end() - first.start(), out);
            double lastSeconds = first.hasBlocks() ? first.lastTimecode() * tick : 0;
            Splice open = null; // a hole whose far side has not been found yet
            for (int i = 0; i < splices.size(); i++) {
                Splice s = splices.get(i);
                long end = i + 1 < splices.size() ? splices.get(i + 1).offset() : size;
                open = open == null ? s : new Splice(open.offset(), open.firstMissingSeq(), s.lastMissingSeq());
                long cluster = WebmScanner.findClusterStart(buf, s.offset(), end);
                WebmScanner.Piece piece = cluster < 0 ? null : WebmScanner.walk(buf, cluster, end);
                if (piece == null || !piece.hasBlocks()) {
                    continue; // nothing usable in this run: the hole extends to the next one
                }
                in.transferTo(piece.start(), piece.end() - piece.start(), out);
                double resume = piece.firstTimecode() * tick;
                gaps.add(new MediaGap(open.firstMissingSeq(), open.lastMissingSeq(), lastSeconds, resume, false));
                resumeTimes.add(resume);
                lastSeconds = piece.lastTimecode() * tick;
                open = null;
            }
            if (open != null) {
                gaps.add(new MediaGap(open.firstMissingSeq(), open.lastMissingSeq(), lastSeconds, lastSeconds, true));
            }
            return new Spliced(gaps, resumeTimes, lastSeconds);
        }
    }

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    /** Stream copy into a seekable WebM; video waits for a keyframe after each resume time. */
    private static void remux(Path input, Path output, List<Double> resumeTimes) {
        AVFormatContext in = new AVFormatContext(null);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        boolean inOpen = false;
        boolean outOpen = false;
        try {
            check(avformat_open_input(in, input.toString(), null, null), "open the spliced stream");
            inOpen = true;
            check(avformat_find_stream_info(in, (PointerPointer<?>) null), "read stream info");
            check(avformat_alloc_output_context2(out, null, "webm", output.toString()), "create the WebM muxer");
            int streams = in.nb_streams();
            int[] map = new int[streams];
            int next = 0;
            for (int i = 0; i < streams; i++) {
                AVStream is = in.streams(i);
                int type = is.codecpar().codec_type();
                if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
                    map[i] = -1;
                    continue;
                }
                AVStream os = avformat_new_stream(out, null);
                check(avcodec_parameters_copy(os.codecpar(), is.codecpar()), "copy codec parameters");
                os.codecpar().codec_tag(0);
                os.time_base(is.time_base());
                map[i] = next++;
            }
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, output.toString(), AVIO_FLAG_WRITE), "open the output file");
            out.pb(pb);
            outOpen = true;
            check(avformat_write_header(out, (AVDictionary) null), "write the WebM header");
            int resumeIndex = 0;
            boolean waitingForKeyframe = false;
            while (av_read_frame(in, packet) >= 0) {
                try {
                    int si = packet.stream_index();
                    if (si >= streams || map[si] < 0) {
                        continue;
                    }
                    AVStream is = in.streams(si);
                    if (is.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                        long ts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        double seconds = ts == AV_NOPTS_VALUE ? 0 : ts * av_q2d(is.time_base());
                        while (resumeIndex < resumeTimes.size() && seconds >= resumeTimes.get(resumeIndex) - 1e-6) {
                            resumeIndex++;
                            waitingForKeyframe = true; // first video after a hole
                        }
                        if (waitingForKeyframe) {
                            if ((packet.flags() & AV_PKT_FLAG_KEY) == 0) {
                                continue;
                            }
                            waitingForKeyframe = false;
                        }
                    }
                    AVStream os = out.streams(map[si]);
                    packet.stream_index(map[si]);
                    av_packet_rescale_ts(packet, is.time_base(), os.time_base());
                    packet.pos(-1);
                    check(av_interleaved_write_frame(out, packet), "write a packet");
                } finally {
                    av_packet_unref(packet);
                }
            }
            check(av_write_trailer(out), "write Cues and Duration");
        } finally {
            av_packet_free(packet);
            if (outOpen) {
                avio_close(out.pb());
            }
            avformat_free_context(out);
            if (inOpen) {
                avformat_close_input(in);
            }
        }
    }

    static void check(int result, String what) {
        if (result < 0) {
            throw new MediaException(MediaError.UNREADABLE_MEDIA, "FFmpeg could not " + what + " (error " + result + ")");
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files in the work directory are harmless
        }
    }
}
