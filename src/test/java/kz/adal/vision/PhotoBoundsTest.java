package kz.adal.vision;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large uploads are worked on scaled down; the one-face rule for enrollment can't be passed on the margin. */
class PhotoBoundsTest {

    static byte[] photo(int width, int height, String format) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 120, 150));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 190, 160));
        g.fillOval(width / 3, height / 4, width / 3, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void aTwelveMegapixelPhotoIsWorkedOnAtMostFullHdSize() throws Exception {
        try (FaceImage image = FaceImage.decode(photo(4000, 3000, "jpg"))) {
            assertTrue(Math.max(image.width(), image.height()) <= FaceImage.MAX_SIDE, image.width() + "×" + image.height());
            assertEquals(4.0 / 3, (double) image.width() / image.height(), 0.01, "the aspect is kept");
        }
        try (FaceImage image = FaceImage.decode(photo(3000, 4000, "png"))) {
            assertTrue(Math.max(image.width(), image.height()) <= FaceImage.MAX_SIDE, image.width() + "×" + image.height());
        }
        try (FaceImage small = FaceImage.decode(photo(640, 480, "jpg"))) {
            assertEquals(640, small.width(), "a webcam frame is left as it is");
        }
    }

    @Test
    void aLargeJpegIsDecodedAtReducedSizeNotWhole() {
        assertEquals(org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2, FaceImage.reducedDecodeFlag(4000));
        assertEquals(org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4, FaceImage.reducedDecodeFlag(8000));
        assertEquals(org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR, FaceImage.reducedDecodeFlag(3000));
    }

    private static DetectedFace face(double x, double y, double size) {
        FacePoint p = new FacePoint(x + size / 2, y + size / 2);
        return new DetectedFace(new FaceBox(x, y, size, size), 0.9, List.of(p, p, p, p, p));
    }

    @Test
    void theMarginsOneFaceCountsOnlyWhenEveryBoxOnThePhotoLiesOnIt() throws Exception {
        try (FaceImage photo = FaceImage.decode(photo(400, 300, "png"))) {
            // padded() adds half the width and height on each side: (200, 150)
            FaceBox onMargin = new FaceBox(200 + 100, 150 + 50, 200, 200);
            // two spurious boxes on the one face of a tight crop
            assertTrue(IdentityService.sameFace(List.of(face(120, 80, 150), face(140, 100, 120)), onMargin, photo));
            // two people: the second face is beside the first, not on it
            assertFalse(IdentityService.sameFace(List.of(face(120, 80, 150), face(10, 10, 60)), onMargin, photo));
        }
    }
}
