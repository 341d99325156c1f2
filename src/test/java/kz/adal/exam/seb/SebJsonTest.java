package kz.adal.exam.seb;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEB-JSON and the Config Key by the rules of SEB's developer documentation ("Config Key"), rule by rule. */
class SebJsonTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void keysAreSortedCaseInsensitivelyAtEveryLevelAlsoInsideArrays() {
        Map<String, Object> s = map("zoomMode", 0, "URLFilterRules", List.of(map("regex", false, "expression", "a", "Action", 1)),
                "urlFilterRegex", true, "allowQuit", true, "URLFilterEnable", true, "allowedDisplaysMaxNumber", 1);
        assertEquals("{\"allowedDisplaysMaxNumber\":1,\"allowQuit\":true,\"URLFilterEnable\":true,\"urlFilterRegex\":true,"
                + "\"URLFilterRules\":[{\"Action\":1,\"expression\":\"a\",\"regex\":false}],\"zoomMode\":0}", SebJson.of(s));
    }

    @Test
    void nothingIsEscapedAndTextStaysUtf8() {
        Map<String, Object> s = map("browserMessagingSocket", "ws:\\localhost:8706", "startURL", "https://a.kz/x?y=1&z=\"q\"",
                "quitExamText", "Емтихан аяқталды: әғқңөұүһі");
        assertEquals("{\"browserMessagingSocket\":\"ws:\\localhost:8706\",\"quitExamText\":\"Емтихан аяқталды: әғқңөұүһі\","
                + "\"startURL\":\"https://a.kz/x?y=1&z=\"q\"\"}", SebJson.of(s));
    }

    @Test
    void theRootOriginatorVersionAndEmptyDictionariesAreLeftOut() {
        Map<String, Object> s = map("originatorVersion", "SEB_Win_3.5", "proxies", map(), "additionalResources", List.of(),
                "nested", map("originatorVersion", "kept below the root", "empty", map()), "list", List.of(map(), map("a", 1)));
        assertEquals("{\"additionalResources\":[],\"list\":[{\"a\":1}],\"nested\":{\"originatorVersion\":\"kept below the root\"}}", SebJson.of(s));
    }

    @Test
    void dataIsBase64AndDatesAreIso8601() {
        Map<String, Object> s = map("salt", new byte[] {1, 2, 3, (byte) 250}, "at", Instant.parse("2026-12-01T10:15:30Z"));
        assertEquals("{\"at\":\"2026-12-01T10:15:30Z\",\"salt\":\"AQID+g==\"}", SebJson.of(s));
    }

    @Test
    void theConfigKeyIsTheSha256OfTheJsonInLowerCaseBase16() throws Exception {
        Map<String, Object> s = map("startURL", "https://exam.university.kz/", "sendBrowserExamKey", true);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("{\"sendBrowserExamKey\":true,\"startURL\":\"https://exam.university.kz/\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, SebJson.configKey(s));
        assertTrue(expected.matches("[0-9a-f]{64}"));
    }

    @Test
    void theRequestHashIsOverTheUrlWithoutItsFragmentThenTheKey() throws Exception {
        String key = "0".repeat(64);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("https://exam.university.kz/student/exam.html?attempt=1" + key).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, SebJson.requestHash("https://exam.university.kz/student/exam.html?attempt=1#q3", key));
        assertNotEquals(expected, SebJson.requestHash("https://exam.university.kz/student/exam.html?attempt=2", key));
    }

    /** The file SEB opens says what the key was computed from: read back, it gives the same key. */
    @Test
    void theSebFileHoldsExactlyTheSettingsItsKeyWasComputedFrom() throws Exception {
        UUID exam = UUID.randomUUID();
        SebConfigFile file = SebConfigFile.forExam("https://exam.university.kz", exam);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);   // no fetch of Apple's DTD
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(file.plist())).getDocumentElement();
        assertEquals("plist", root.getTagName());
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) value(first(root));
        assertEquals("https://exam.university.kz/student/check.html?exam=" + exam, read.get("startURL"));
        assertEquals(true, read.get("sendBrowserExamKey"));
        assertEquals(file.configKey(), SebJson.configKey(read));
        assertNotEquals(file.configKey(), SebConfigFile.forExam("https://exam.university.kz", UUID.randomUUID()).configKey(),
                "each exam its own key");
    }

    private static Element first(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) return c;
        throw new AssertionError("empty " + e.getTagName());
    }

    private static Object value(Element e) {
        switch (e.getTagName()) {
            case "dict" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                String key = null;
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element c)) continue;
                    if (c.getTagName().equals("key")) key = c.getTextContent();
                    else m.put(key, value(c));
                }
                return m;
            }
            case "array" -> {
                List<Object> l = new ArrayList<>();
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) l.add(value(c));
                return l;
            }
            case "string" -> { return e.getTextContent(); }
            case "integer" -> { return Long.parseLong(e.getTextContent()); }
            case "true" -> { return true; }
            case "false" -> { return false; }
            default -> throw new AssertionError("unexpected " + e.getTagName());
        }
    }
}
