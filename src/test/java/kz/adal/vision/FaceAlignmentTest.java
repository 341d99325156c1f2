package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FaceAlignmentTest {

    @Test
    void templateMapsOntoItselfByIdentity() {
        double[][] m = FaceAlignment.similarity(FaceAlignment.ARCFACE_TEMPLATE, FaceAlignment.ARCFACE_TEMPLATE);
        assertEquals(1, m[0][0], 1e-9);
        assertEquals(0, m[1][0], 1e-9);
        assertEquals(0, m[0][2], 1e-9);
        assertEquals(0, m[1][2], 1e-9);
    }

    @Test
    void recoversRotationScaleAndShiftExactly() {
        double angle = Math.toRadians(20);
        double scale = 2.5;
        List<FacePoint> face = FaceAlignment.ARCFACE_TEMPLATE.stream()
                .map(p -> new FacePoint(
                        scale * (Math.cos(angle) * p.x() - Math.sin(angle) * p.y()) + 300,
                        scale * (Math.sin(angle) * p.x() + Math.cos(angle) * p.y()) + 40))
                .toList();
        double[][] m = FaceAlignment.similarity(face, FaceAlignment.ARCFACE_TEMPLATE);
        for (int i = 0; i < face.size(); i++) {
            FacePoint mapped = FaceAlignment.apply(m, face.get(i));
            assertEquals(FaceAlignment.ARCFACE_TEMPLATE.get(i).x(), mapped.x(), 1e-6);
            assertEquals(FaceAlignment.ARCFACE_TEMPLATE.get(i).y(), mapped.y(), 1e-6);
        }
    }

    @Test
    void fivePointsAverageTheEyeContoursAndMouthCorners() {
        double[] xy = new double[136];
        for (int p = 0; p < 68; p++) {
            xy[2 * p] = p;
            xy[2 * p + 1] = 100 + p;
        }
        List<FacePoint> five = FaceAlignment.fivePoints(xy);
        assertEquals(new FacePoint(39, 139), five.get(0)); // (37 + 38 + 40 + 41) / 4
        assertEquals(new FacePoint(45, 145), five.get(1));
        assertEquals(new FacePoint(30, 130), five.get(2));
        assertEquals(new FacePoint(54, 154), five.get(3)); // (48 + 60) / 2
        assertEquals(new FacePoint(59, 159), five.get(4));
    }

    @Test
    void rejectsDegenerateInput() {
        List<FacePoint> same = List.of(new FacePoint(1, 1), new FacePoint(1, 1));
        assertThrows(IllegalArgumentException.class, () -> FaceAlignment.similarity(same, same));
        assertThrows(IllegalArgumentException.class, () -> FaceAlignment.fivePoints(new double[10]));
    }
}
