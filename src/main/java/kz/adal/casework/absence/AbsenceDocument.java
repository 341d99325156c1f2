package kz.adal.casework.absence;

import kz.adal.platform.Problem;

import java.util.Base64;

/**
 * A scanned document attached to an absence application or an appeal: PDF, JPEG or PNG, at most
 * {@link #MAX_BYTES}. The type is told from the first bytes — never from the name or the browser's
 * claim — so a renamed executable is refused. Every refusal is a 4xx and stores nothing.
 */
public record AbsenceDocument(String name, String type, byte[] bytes) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Checks a base64 upload; {@code required} = false allows none (returns null). */
    public static AbsenceDocument of(String name, String base64, boolean required) {
        if (base64 == null || base64.isBlank()) {
            if (required) throw Problem.badRequest("DOCUMENT_REQUIRED", "Attach the scanned document (PDF, JPEG or PNG).");
            return null;
        }
        if (name == null || name.isBlank()) throw Problem.badRequest("DOCUMENT_NAME_REQUIRED", "The document needs a file name.");
        if (base64.length() > (MAX_BYTES / 3 + 1) * 4 + 8) {
            throw new Problem(413, "DOCUMENT_TOO_LARGE", "The document is larger than " + MAX_BYTES / (1024 * 1024) + " MB; scan it at a lower resolution.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("DOCUMENT_UNREADABLE", "The document could not be read; choose the file again.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Problem(413, "DOCUMENT_TOO_LARGE", "The document is larger than " + MAX_BYTES / (1024 * 1024) + " MB; scan it at a lower resolution.");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new Problem(415, "DOCUMENT_TYPE", "The document must be a PDF, JPEG or PNG file; \"" + name.strip() + "\" is not.");
        }
        return new AbsenceDocument(kz.adal.platform.UploadedFiles.safeName(name, kz.adal.platform.UploadedFiles.fallbackName(type)), type, bytes);
    }

    /** The type from the magic bytes: PDF, JPEG, PNG; anything else null. */
    public static String sniff(byte[] b) {
        return kz.adal.platform.UploadedFiles.documentType(b);
    }
}
