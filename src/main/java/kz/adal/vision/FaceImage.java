package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * An image to analyse, held as an 8-bit BGR OpenCV matrix in native memory. Close it when done
 * (try-with-resources); the garbage collector would free it too, but late.
 */
public final class FaceImage implements AutoCloseable {

    public static final String UNDECODABLE = "vision.image-undecodable";

    private final Mat bgr;

    private FaceImage(Mat bgr) {
        this.bgr = bgr;
    }

    /**
     * The longest side of an image we work on: a 14-megapixel upload decoded whole cost ≈ 1.2 s of CPU
     * and ≈ 400 MB. 1920 keeps full-HD frames and the group photos the detector is tested on as they
     * are (at 1280 the pose of a face turned 70° came out 27° different from its mirror image).
     */
    public static final int MAX_SIDE = 1920;

    /**
     * Decodes a JPEG or PNG (any format OpenCV reads), scaled down so that its longest side is at most
     * {@link #MAX_SIDE}. A large JPEG is decoded at 1/2, 1/4 or 1/8 size directly (the decoder skips the
     * detail), so the full-size picture never exists in memory.
     *
     * @throws IllegalArgumentException with message prefix {@link #UNDECODABLE} when the bytes are not an image
     */
    public static FaceImage decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException(UNDECODABLE + ": empty image");
        }
        int reduced = reducedDecodeFlag(longestSide(encoded));
        try (BytePointer bytes = new BytePointer(encoded); Mat buffer = new Mat(1, encoded.length, CV_8UC1, bytes)) {
            Mat decoded = imdecode(buffer, reduced);
            if (decoded == null || decoded.empty()) {
                throw new IllegalArgumentException(UNDECODABLE + ": not a readable image (" + encoded.length + " bytes)");
            }
            int side = Math.max(decoded.cols(), decoded.rows());
            if (side <= MAX_SIDE) {
                return new FaceImage(decoded);
            }
            double f = (double) MAX_SIDE / side;
            Mat small = new Mat();
            resize(decoded, small, new Size(Math.max(1, (int) Math.round(decoded.cols() * f)), Math.max(1, (int) Math.round(decoded.rows() * f))),
                    0, 0, INTER_AREA);
            decoded.close();
            return new FaceImage(small);
        }
    }

    /** The largest of OpenCV's reduced decodes that still leaves at least {@link #MAX_SIDE} on the longest side. */
    static int reducedDecodeFlag(int longestSide) {
        if (longestSide >= 8 * MAX_SIDE) return IMREAD_REDUCED_COLOR_8;
        if (longestSide >= 4 * MAX_SIDE) return IMREAD_REDUCED_COLOR_4;
        if (longestSide >= 2 * MAX_SIDE) return IMREAD_REDUCED_COLOR_2;
        return IMREAD_COLOR;
    }

    /** The longest side from the file's header alone (JPEG, PNG, GIF…), 0 when it can't be read that way. */
    static int longestSide(byte[] encoded) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(encoded))) {
            if (in == null) return 0;
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return 0;
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Math.max(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Copies an 8-bit BGR, BGRA or grayscale matrix; the caller keeps ownership of {@code source}. */
    public static FaceImage of(Mat source) {
        if (source == null || source.empty()) {
            throw new IllegalArgumentException(UNDECODABLE + ": empty matrix");
        }
        Mat copy = new Mat();
        boolean eightBit = source.depth() == 0;
        if (eightBit && source.channels() == 3) {
            source.copyTo(copy);
        } else if (eightBit && source.channels() == 1) {
            cvtColor(source, copy, COLOR_GRAY2BGR);
        } else if (eightBit && source.channels() == 4) {
            cvtColor(source, copy, COLOR_BGRA2BGR);
        } else {
            copy.close();
            throw new IllegalArgumentException(UNDECODABLE + ": expected an 8-bit BGR, BGRA or gray matrix, type " + source.type());
        }
        return new FaceImage(copy);
    }

    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }

    /** The BGR pixels; owned by this image, do not close. */
    Mat mat() {
        if (bgr.isNull()) {
            throw new IllegalStateException("Image already closed");
        }
        return bgr;
    }

    @Override
    public void close() {
        bgr.close();
    }
}
