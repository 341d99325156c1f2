package kz.adal.vision;

import static kz.adal.testing.Prerequisites.require;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Real photos of four people, several each, taken years apart (1988–2006): the demo album of the Debian
 * package kphotoalbum, fetched by the build (pom.xml, checked against vision/face-models.sha256) into
 * {@link #PHOTOS}. Nothing of it is in the repository: {@code vision/kphotoalbum-faces.tsv} says only who
 * is where. Unlike the TV stills of {@link TestFaces#facesDir()}, these pairs include a teenager against
 * the same man at 35, sunglasses, a woollen hat and 41-pixel faces.
 */
final class RealPhotos {

    static final Path PHOTOS = Path.of("target", "face-test-images", "kphotoalbum");
    static final Path CROPS = Path.of("target", "face-test-images", "kphotoalbum-crops");

    record Face(String file, int angle, String person, Rect box) {
    }

    private RealPhotos() {
    }

    static List<Face> faces() {
        try (var in = RealPhotos.class.getResourceAsStream("/vision/kphotoalbum-faces.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .map(c -> new Face(c[0], Integer.parseInt(c[1]), c[2], new Rect(Integer.parseInt(c[3]),
                            Integer.parseInt(c[4]), Integer.parseInt(c[5]), Integer.parseInt(c[6]))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The faces as 150×150 grayscale crops in the layout of {@link TestFaces#crops} ({@code <person>/<person>N.png}),
     * written once into {@link #CROPS}; skipped when the photos are absent, or failed under CI.
     */
    static synchronized Path cropsOrSkip() {
        List<Face> faces = faces();
        boolean present = faces.stream().allMatch(f -> Files.isRegularFile(PHOTOS.resolve(f.file())));
        require(present, "KPhotoAlbum demo photos not found in " + PHOTOS + " (the build fetches them with apt-get download)");
        Map<String, Integer> count = new HashMap<>();
        for (Face f : faces) {
            int n = count.merge(f.person(), 1, Integer::sum);
            Path out = CROPS.resolve(f.person()).resolve(f.person() + n + ".png");
            if (!Files.isRegularFile(out)) write(f, out);
        }
        return CROPS;
    }

    /**
     * One face crop, e.g. {@code crop("jesper", 2)}: jesper1 is jesper.jpg (29 Dec 2005), jesper2 jesper_2.jpg
     * (21 Dec 2005), jesper3/4 and annehelene2/3 bar55.jpg and bar55_2.jpg (the same evening, 11 Feb 2006);
     * the order is that of {@code vision/kphotoalbum-faces.tsv}.
     */
    static Path crop(String person, int n) {
        return cropsOrSkip().resolve(person).resolve(person + n + ".png");
    }

    /** One whole photo of the album; skipped when absent, or failed under CI. */
    static Path photo(String file) {
        Path photo = PHOTOS.resolve(file);
        require(Files.isRegularFile(photo), "KPhotoAlbum demo photo not found: " + photo + " (the build fetches it with apt-get download)");
        return photo;
    }

    /** A square a tenth larger than the face box, gray, scaled to 150×150 like the shared crops. */
    private static void write(Face f, Path out) {
        try (FaceImage photo = TestFaces.read(PHOTOS.resolve(f.file())); Mat upright = upright(photo.mat(), f.angle())) {
            Rect b = f.box();
            int side = (int) Math.round(Math.max(b.width(), b.height()) * 1.1);
            int x = Math.max(0, b.x() + b.width() / 2 - side / 2);
            int y = Math.max(0, b.y() + b.height() / 2 - side / 2);
            side = Math.min(side, Math.min(upright.cols() - x, upright.rows() - y));
            try (Mat roi = new Mat(upright, new Rect(x, y, side, side)); Mat gray = new Mat(); Mat scaled = new Mat()) {
                cvtColor(roi, gray, COLOR_BGR2GRAY);
                resize(gray, scaled, new Size(150, 150), 0, 0, side > 150 ? INTER_AREA : INTER_CUBIC);
                Files.createDirectories(out.getParent());
                imwrite(out.toString(), scaled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mat upright(Mat m, int angle) {
        Mat out = new Mat();
        switch (angle) {
            case 0 -> m.copyTo(out);
            case 90 -> rotate(m, out, ROTATE_90_CLOCKWISE);
            case 180 -> rotate(m, out, ROTATE_180);
            case 270 -> rotate(m, out, ROTATE_90_COUNTERCLOCKWISE);
            default -> throw new IllegalArgumentException("angle " + angle);
        }
        return out;
    }
}
