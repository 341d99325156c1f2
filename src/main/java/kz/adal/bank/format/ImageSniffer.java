package kz.adal.bank.format;

/** Tells an image's type from its first bytes — never from the name or the client's claim. */
public final class ImageSniffer {
    /** The largest question image, uploaded or imported (2 MB). */
    public static final long MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private ImageSniffer() {}

    public static String type(byte[] b) {
        if (b == null || b.length < 12) return null;
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "image/jpeg";
        if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return "image/gif";
        if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "image/webp";
        return null;
    }
}
