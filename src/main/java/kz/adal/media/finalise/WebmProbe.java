package kz.adal.media.finalise;

import kz.adal.media.WebmChunks;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;

/** What a finished WebM file holds: its length (FFmpeg's probe) and whether a player can seek in it. */
public final class WebmProbe {

    private WebmProbe() {
    }

    public static double probeDuration(Path file) {
        AVFormatContext ctx = new AVFormatContext(null);
        TrackFinaliser.check(avformat_open_input(ctx, file.toString(), null, null), "open the finalised file");
        try {
            TrackFinaliser.check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "read the finalised file");
            return ctx.duration() == AV_NOPTS_VALUE ? 0 : ctx.duration() / (double) AV_TIME_BASE;
        } finally {
            avformat_close_input(ctx);
        }
    }

    /** A seekable WebM has a Cues element and a Duration in Info; Chromium's live output has neither. */
    public static boolean hasCuesAndDuration(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            List<Integer> children = WebmScanner.segmentChildren(buf, ch.size());
            return children.contains(WebmScanner.CUES) && children.contains(WebmScanner.INFO)
                    && infoHasDuration(buf, ch.size());
        }
    }

    private static boolean infoHasDuration(MappedByteBuffer buf, long size) {
        WebmChunks.Element ebml = WebmScanner.readElement(buf, 0, size);
        WebmChunks.Element segment = WebmScanner.readElement(buf, ebml.end(), size);
        long pos = segment.dataStart();
        while (pos < size) {
            WebmChunks.Element child = WebmScanner.readElement(buf, pos, size);
            if (child == null || child.unknownSize()) {
                return false;
            }
            if (child.id() == WebmScanner.INFO) {
                for (long p = child.dataStart(); p < child.end(); ) {
                    WebmChunks.Element e = WebmScanner.readElement(buf, p, child.end());
                    if (e == null || e.unknownSize()) {
                        return false;
                    }
                    if (e.id() == WebmScanner.DURATION) {
                        return true;
                    }
                    p = e.end();
                }
                return false;
            }
            pos = child.end();
        }
        return false;
    }
}
