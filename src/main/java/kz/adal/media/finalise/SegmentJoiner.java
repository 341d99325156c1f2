package kz.adal.media.finalise;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import kz.adal.media.TrackAlignment;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
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
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_ROUND_NEAR_INF;
import static org.bytedeco.ffmpeg.global.avutil.AV_ROUND_PASS_MINMAX;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q_rnd;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Puts a track's finalised segments on one time line: a stream copy (no re-encoding) of every segment
 * into one seekable WebM, each segment's timestamps shifted by its start relative to the first
 * segment. The time between two segments (a reload, a crash) stays a hole in the file, so media time
 * keeps equalling time since the first recorder started and one {@link TrackAlignment} covers the
 * whole track. The output's streams are the first segment's (video and, for the camera, audio);
 * a later segment's stream of the same type is mapped onto it. VP8 carries the frame size in every
 * keyframe, so a segment recorded at a lower resolution plays on in the same stream.
 */
public final class SegmentJoiner {

    /** One finalised segment file and where it starts on the track's time line. */
    public record Part(Path file, double offsetSeconds) {
    }

    private SegmentJoiner() {
    }

    /** Joins the parts (in time order) into {@code output}. */
    public static void join(List<Part> parts, Path output) {
        if (parts.isEmpty()) {
            throw new MediaException(MediaError.MISSING_FIRST_CHUNK, "No segment to join");
        }
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        boolean outOpen = false;
        try {
            check(avformat_alloc_output_context2(out, null, "webm", output.toString()), "create the WebM muxer");
            int videoOut = -1;
            int audioOut = -1;
            long[] lastDts = null;
            for (int p = 0; p < parts.size(); p++) {
                Part part = parts.get(p);
                AVFormatContext in = new AVFormatContext(null);
                check(avformat_open_input(in, part.file().toString(), null, null), "open segment " + p);
                try {
                    check(avformat_find_stream_info(in, (PointerPointer<?>) null), "read segment " + p);
                    int streams = in.nb_streams();
                    int[] map = new int[streams];
                    for (int i = 0; i < streams; i++) {
                        AVStream is = in.streams(i);
                        int type = is.codecpar().codec_type();
                        map[i] = -1;
                        if (p == 0 && (type == AVMEDIA_TYPE_VIDEO && videoOut < 0 || type == AVMEDIA_TYPE_AUDIO && audioOut < 0)) {
                            AVStream os = avformat_new_stream(out, null);
                            check(avcodec_parameters_copy(os.codecpar(), is.codecpar()), "copy codec parameters");
                            os.codecpar().codec_tag(0);
                            os.time_base(is.time_base());
                            if (type == AVMEDIA_TYPE_VIDEO) {
                                videoOut = os.index();
                            } else {
                                audioOut = os.index();
                            }
                        }
                        if (type == AVMEDIA_TYPE_VIDEO) {
                            map[i] = videoOut;
                        } else if (type == AVMEDIA_TYPE_AUDIO) {
                            map[i] = audioOut;
                        }
                    }
                    if (p == 0) {
                        AVIOContext pb = new AVIOContext(null);
                        check(avio_open(pb, output.toString(), AVIO_FLAG_WRITE), "open the output file");
                        out.pb(pb);
                        outOpen = true;
                        check(avformat_write_header(out, (AVDictionary) null), "write the WebM header");
                        lastDts = new long[out.nb_streams()];
                        java.util.Arrays.fill(lastDts, Long.MIN_VALUE);
                    }
                    copyPackets(in, out, packet, map, part.offsetSeconds(), lastDts);
                } finally {
                    avformat_close_input(in);
                }
            }
            check(av_write_trailer(out), "write Cues and Duration");
        } finally {
            av_packet_free(packet);
            if (outOpen) {
                avio_close(out.pb());
            }
            avformat_free_context(out);
        }
    }

    private static void copyPackets(AVFormatContext in, AVFormatContext out, AVPacket packet, int[] map,
                                    double offsetSeconds, long[] lastDts) {
        while (av_read_frame(in, packet) >= 0) {
            try {
                int si = packet.stream_index();
                if (si >= map.length || map[si] < 0) {
                    continue;
                }
                AVStream is = in.streams(si);
                AVStream os = out.streams(map[si]);
                AVRational inBase = is.time_base();
                AVRational outBase = os.time_base();
                long shift = Math.round(offsetSeconds * outBase.den() / (double) outBase.num());
                long pts = packet.pts() == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : rescale(packet.pts(), inBase, outBase) + shift;
                long dts = packet.dts() == AV_NOPTS_VALUE ? pts : rescale(packet.dts(), inBase, outBase) + shift;
                int o = map[si];
                if (lastDts[o] != Long.MIN_VALUE && dts <= lastDts[o]) {
                    // clock estimates of two segments may overlap by a few ms: keep timestamps increasing
                    long push = lastDts[o] + 1 - dts;
                    dts += push;
                    pts = pts == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : pts + push;
                }
                lastDts[o] = dts;
                packet.pts(pts);
                packet.dts(dts);
                packet.duration(packet.duration() <= 0 ? 0 : rescale(packet.duration(), inBase, outBase));
                packet.stream_index(o);
                packet.pos(-1);
                check(av_interleaved_write_frame(out, packet), "write a packet");
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private static long rescale(long value, AVRational from, AVRational to) {
        return av_rescale_q_rnd(value, from, to, AV_ROUND_NEAR_INF | AV_ROUND_PASS_MINMAX);
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new MediaException(MediaError.UNREADABLE_MEDIA, "FFmpeg could not " + what + " (error " + result + ")");
        }
    }
}
