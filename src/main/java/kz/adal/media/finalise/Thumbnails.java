package kz.adal.media.finalise;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** The thumbnail sprite of a recording: one small frame every interval, tiled into one JPEG (Java2D). */
public final class Thumbnails {
    private final TrackFinaliser.Settings settings;

    public Thumbnails(TrackFinaliser.Settings settings) {
        this.settings = settings;
    }

    /** One frame every interval, scaled to the tile width and tiled into a JPEG sprite; null without video. */
    public ThumbnailStrip strip(Path file, double duration) throws IOException {
        if (duration <= 0) {
            return null;
        }
        int count = (int) Math.ceil(duration / settings.thumbnailIntervalSeconds() - 1e-9);
        List<BufferedImage> frames = new ArrayList<>();
        List<Double> frameTimes = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                grabber.stop();
                return null;
            }
            int tileWidth = settings.thumbnailWidth();
            int tileHeight = Math.max(1, Math.round(tileWidth * (float) grabber.getImageHeight() / grabber.getImageWidth()));
            for (int i = 0; i < count; i++) {
                grabber.setTimestamp(Math.round(i * settings.thumbnailIntervalSeconds() * 1e6));
                Frame frame = grabber.grabImage();
                BufferedImage tile = new BufferedImage(tileWidth, tileHeight, BufferedImage.TYPE_INT_RGB);
                double frameSeconds = -1;
                if (frame != null && frame.image != null) {
                    BufferedImage image = converter.getBufferedImage(frame);
                    Graphics2D g = tile.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(image, 0, 0, tileWidth, tileHeight, null);
                    g.dispose();
                    frameSeconds = frame.timestamp / 1e6;
                }
                frames.add(tile);
                frameTimes.add(frameSeconds);
            }
            grabber.stop();
            return tile(frames, frameTimes, tileWidth, tileHeight);
        }
    }

    private ThumbnailStrip tile(List<BufferedImage> frames, List<Double> frameTimes, int tileWidth, int tileHeight)
            throws IOException {
        int columns = Math.min(settings.columns(), frames.size());
        int rows = (frames.size() + columns - 1) / columns;
        BufferedImage sprite = new BufferedImage(columns * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sprite.createGraphics();
        List<ThumbnailStrip.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            g.drawImage(frames.get(i), x, y, null);
            tiles.add(new ThumbnailStrip.Tile(i, i * settings.thumbnailIntervalSeconds(), frameTimes.get(i), x, y));
        }
        g.dispose();
        return new ThumbnailStrip(jpeg(sprite), tileWidth, tileHeight, columns, settings.thumbnailIntervalSeconds(),
                List.copyOf(tiles));
    }

    private byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(settings.jpegQuality());
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
