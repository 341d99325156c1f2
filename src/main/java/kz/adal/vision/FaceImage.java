package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

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
     * Decodes a JPEG or PNG (any format OpenCV reads).
     *
     * @throws IllegalArgumentException with message prefix {@link #UNDECODABLE} when the bytes are not an image
     */
    public static FaceImage decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException(UNDECODABLE + ": empty image");
        }
        try (BytePointer bytes = new BytePointer(encoded); Mat buffer = new Mat(1, encoded.length, CV_8UC1, bytes)) {
            Mat decoded = imdecode(buffer, IMREAD_COLOR);
            if (decoded == null || decoded.empty()) {
                throw new IllegalArgumentException(UNDECODABLE + ": not a readable image (" + encoded.length + " bytes)");
            }
            return new FaceImage(decoded);
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
