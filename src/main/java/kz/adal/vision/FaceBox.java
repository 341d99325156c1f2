package kz.adal.vision;

/** A face rectangle in image pixels: top-left corner and size. */
public record FaceBox(double x, double y, double width, double height) {

    public FaceBox {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("A face box needs a positive size, got " + width + "x" + height);
        }
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double area() {
        return width * height;
    }

    /** Intersection over union, the overlap measure used to suppress duplicate detections. */
    public double iou(FaceBox other) {
        double ix = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        double inter = ix * iy;
        return inter / (area() + other.area() - inter);
    }
}
