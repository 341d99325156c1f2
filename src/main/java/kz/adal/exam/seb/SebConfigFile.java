package kz.adal.exam.seb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The .seb file Adal hands out for an exam that requires Safe Exam Browser: an unencrypted plist that
 * opens the exam's check page, sends the Config Key with every request, keeps navigation on Adal's host
 * and lets the page use the camera and microphone (proctoring runs inside SEB). Its Config Key
 * ({@link SebJson}) is what the exam then accepts, so nobody copies keys by hand.
 */
final class SebConfigFile {
    private final Map<String, Object> settings;

    private SebConfigFile(Map<String, Object> settings) {
        this.settings = settings;
    }

    /**
     * @param base Adal's public address, e.g. {@code https://exam.university.kz} (no trailing slash)
     */
    static SebConfigFile forExam(String base, java.util.UUID examId) {
        String host = java.net.URI.create(base).getHost();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("originatorVersion", "Adal");
        s.put("startURL", base + "/student/check.html?exam=" + examId);
        s.put("sendBrowserExamKey", true);
        // 2 = "prefer modern in new tab + different host": the exam host keeps the classic engine that
        // sends the key headers; the page also reads them through SEB's JavaScript API where there is one
        s.put("browserWindowWebView", 2);
        s.put("allowQuit", true);
        s.put("allowVideoCapture", true);
        s.put("allowAudioCapture", true);
        s.put("browserWindowAllowReload", true);
        s.put("URLFilterEnable", true);
        s.put("URLFilterRules", List.of(Map.of("action", 1, "active", true, "expression", host + "/*", "regex", false)));
        return new SebConfigFile(s);
    }

    Map<String, Object> settings() {
        return settings;
    }

    String configKey() {
        return SebJson.configKey(settings);
    }

    /** The plist XML that SEB opens. */
    byte[] plist() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
                .append("<plist version=\"1.0\">\n");
        value(x, settings, 0);
        x.append("</plist>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder x, Object v, int depth) {
        String pad = "  ".repeat(depth);
        switch (v) {
            case Map<?, ?> m -> {
                x.append(pad).append("<dict>\n");
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    x.append(pad).append("  <key>").append(escape(e.getKey())).append("</key>\n");
                    value(x, e.getValue(), depth + 1);
                }
                x.append(pad).append("</dict>\n");
            }
            case List<?> l -> {
                x.append(pad).append("<array>\n");
                for (Object item : l) value(x, item, depth + 1);
                x.append(pad).append("</array>\n");
            }
            case String s -> x.append(pad).append("<string>").append(escape(s)).append("</string>\n");
            case Boolean b -> x.append(pad).append(b ? "<true/>" : "<false/>").append('\n');
            case Integer i -> x.append(pad).append("<integer>").append(i).append("</integer>\n");
            case Long l -> x.append(pad).append("<integer>").append(l).append("</integer>\n");
            case Double d -> x.append(pad).append("<real>").append(d).append("</real>\n");
            case byte[] data -> x.append(pad).append("<data>").append(Base64.getEncoder().encodeToString(data)).append("</data>\n");
            case Instant t -> x.append(pad).append("<date>").append(t).append("</date>\n");
            default -> throw new IllegalArgumentException("not a plist value: " + v);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
