package kz.adal.platform;

import java.util.Locale;

/**
 * What every uploaded document goes through: its type is read from its first bytes, never from the
 * name or the browser's claim, and its name is kept only as a base name of safe characters (no
 * folders, no control characters, no quotes to break a Content-Disposition header).
 */
public final class UploadedFiles {
    private UploadedFiles() {}

    /** PDF, JPEG or PNG by magic bytes; anything else null. */
    public static String documentType(byte[] b) {
        if (b == null || b.length < 8) return null;
        if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "image/jpeg";
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A) return "image/png";
        return null;
    }

    /**
     * The base name of an uploaded file: whatever follows the last / or \, letters (any script),
     * digits and {@code . _ - ( ) space} kept, anything else replaced by _, at most 200 characters,
     * never empty, never a dot-name like {@code ..}.
     */
    public static String safeName(String name, String otherwise) {
        if (name == null) return otherwise;
        String base = name.strip();
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[^\\p{L}\\p{N}._() -]", "_").strip();
        while (base.startsWith(".")) base = base.substring(1);
        if (base.isBlank()) return otherwise;
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    /** An extension-less fallback name for a type (document.pdf…). */
    public static String fallbackName(String type) {
        return "document." + (type == null ? "bin" : type.substring(type.indexOf('/') + 1).toLowerCase(Locale.ROOT));
    }
}
