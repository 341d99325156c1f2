package kz.adal.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only safe https addresses are kept: a `javascript:` hearing link would run script with the student's token. */
class LinksTest {
    final Links any = new Links(Optional.empty());

    @Test
    void keepsAnHttpsAddressAndNothingElse() {
        assertEquals("https://meet.example.kz/room-1?x=1", any.optional(" https://meet.example.kz/room-1?x=1 ", "C", "link", "en"));
        assertNull(any.optional("  ", "C", "link", "en"));
        for (String bad : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>1</script>",
                "http://meet.example.kz/", "https://user:pw@meet.example.kz/", "//meet.example.kz/", "https:///path",
                "https://meet.example.kz/a b", "vbscript:x", "https://meet.example.kz/\u0000")) {
            Problem p = assertThrows(Problem.class, () -> any.optional(bad, "C", "link", "ru"), bad);
            assertEquals(400, p.status());
            assertEquals("link", p.extensions().get("field"));
            assertTrue(p.getMessage().contains("https://"), p.getMessage());
        }
    }

    @Test
    void aConfiguredVideoHostIsTheOnlyOneAllowed() {
        Links only = new Links(Optional.of(List.of("meet.example.kz")));
        assertEquals("https://a.meet.example.kz/r", only.optional("https://a.meet.example.kz/r", "C", "link", "kk"));
        Problem p = assertThrows(Problem.class, () -> only.optional("https://evil.example/r", "C", "link", "en"));
        assertTrue(p.getMessage().contains("meet.example.kz"));
        assertThrows(Problem.class, () -> only.optional("https://meet.example.kz.evil.example/r", "C", "link", "en"));
    }
}
