package kz.adal.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UploadedFilesTest {

    @Test
    void keepsOnlyTheBaseNameInSafeCharacters() {
        assertEquals("passwd", UploadedFiles.safeName("../../etc/passwd", "x"));
        assertEquals("справка 2.pdf", UploadedFiles.safeName("C:\\Users\\me\\справка 2.pdf", "x"));
        assertEquals("a_b_.pdf", UploadedFiles.safeName("a\"b\n.pdf", "x"));
        assertEquals("document.pdf", UploadedFiles.safeName("..", "document.pdf"));
        assertEquals("document.pdf", UploadedFiles.safeName("dir/", "document.pdf"));
    }

    @Test
    void readsTheTypeFromTheBytes() {
        assertEquals("application/pdf", UploadedFiles.documentType("%PDF-1.7\n%".getBytes()));
        assertNull(UploadedFiles.documentType("<html><body>".getBytes()));
    }
}
