package kz.adal.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One catalogue for everything the server and the pages word: kk, ru and en say the same things (parity),
 * every refusal code thrown in src/main has a sentence in all three, and a kk or ru reader never gets the
 * English one.
 */
class MessageCatalogueTest {
    private static final Path TEXTS = Path.of("src/main/resources/texts");
    private static final List<String> LANGS = List.of("kk", "ru", "en");

    static Properties load(String base, String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(TEXTS.resolve(base + ("en".equals(lang) ? "" : "_" + lang) + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theServerTextsAndLabelsHaveTheSameKeysInEveryLanguage() throws IOException {
        for (String base : List.of("texts", "labels")) {
            Set<String> en = new TreeSet<>(load(base, "en").stringPropertyNames());
            for (String lang : List.of("kk", "ru")) {
                Set<String> other = new TreeSet<>(load(base, lang).stringPropertyNames());
                Set<String> missing = new TreeSet<>(en); missing.removeAll(other);
                Set<String> extra = new TreeSet<>(other); extra.removeAll(en);
                assertTrue(missing.isEmpty() && extra.isEmpty(), base + "_" + lang + " lacks " + missing + ", has extra " + extra);
            }
        }
    }

    @Test
    void thePageBundlesHaveTheSameKeysInEveryLanguage() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> problems = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("web/i18n"))) {
            for (Path en : files.filter(f -> f.getFileName().toString().endsWith(".en.json")).toList()) {
                String bundle = en.getFileName().toString().replace(".en.json", "");
                Set<String> keys = new TreeSet<>(json.readValue(en.toFile(), Map.class).keySet());
                for (String lang : List.of("kk", "ru")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> other = json.readValue(en.resolveSibling(bundle + "." + lang + ".json").toFile(), Map.class);
                    Set<String> missing = new TreeSet<>(keys); missing.removeAll(other.keySet());
                    Set<String> extra = new TreeSet<>(other.keySet()); extra.removeAll(keys);
                    other.forEach((k, v) -> { if (v == null || v.toString().isBlank()) missing.add(k + " (empty)"); });
                    if (!missing.isEmpty() || !extra.isEmpty()) problems.put(bundle + "." + lang, List.of("missing " + missing, "extra " + extra));
                }
            }
        }
        assertTrue(problems.isEmpty(), "page bundles differ: " + problems);
    }

    /** Every refusal code the server throws, read from the source (literal first arguments and code constants). */
    static Set<String> codesThrownInMain() throws IOException {
        List<Pattern> patterns = List.of(
                Pattern.compile("(?:RuleViolation|Problem)\\.(?:conflict|invalid|badRequest|forbidden|unprocessable)\\(\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("new (?:RuleViolation|Problem|TooManyRequests)\\(\\s*(?:\\d+\\s*,\\s*)?\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("ExamProblem\\.(?:invalid|conflict)\\(\\s*\"[^\"]*\"\\s*,\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("new ExamProblem\\(\\s*\"[^\"]*\"\\s*,\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("new ImportProblem\\([^,\"]*,[^,\"]*,\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("\\bproblem\\(\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("LateStart\\.refused\\(\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("ResultHolds\\.refusal\\(\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("\\b(?:move|requireMove|requireFrom|requireReason)\\([^;]*?\"([A-Z][A-Z0-9_]*)\"\\)"),
                Pattern.compile("respond\\(\\s*\\d+\\s*,\\s*\"([A-Z][A-Z0-9_]*)\""),
                Pattern.compile("case \\d+ -> \"([A-Z][A-Z0-9_]*)\""));
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(src);
                    while (m.find()) codes.add(m.group(1));
                }
            }
        }
        // codes kept in constants and enums
        String access = Files.readString(Path.of("src/main/java/kz/adal/exam/ExamAccess.java"));
        Matcher constants = Pattern.compile("static final String [A-Z_]+ = \"([A-Z][A-Z0-9_]*)\"").matcher(access);
        while (constants.find()) codes.add(constants.group(1));
        for (kz.adal.media.MediaError e : kz.adal.media.MediaError.values()) codes.add(e.name());
        codes.add("INTERNAL");
        codes.add("BAD_REQUEST");
        codes.add("TOO_LARGE");
        return codes;
    }

    @Test
    void everyCodeThrownInTheServerHasASentenceInEveryLanguage() throws IOException {
        Set<String> codes = codesThrownInMain();
        assertTrue(codes.size() > 350, "the scan found only " + codes.size() + " codes: the patterns no longer match the source");
        for (String lang : LANGS) {
            Properties texts = load("texts", lang);
            List<String> missing = codes.stream().filter(c -> !texts.containsKey("problem." + c)).toList();
            assertTrue(missing.isEmpty(), "texts " + lang + " lacks a sentence for " + missing);
        }
    }

    @Test
    void aKazakhOrRussianSentenceIsNeverTheEnglishOneAndNamesTheSameValues() throws IOException {
        Properties en = load("texts", "en");
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (String lang : List.of("kk", "ru")) {
            Properties other = load("texts", lang);
            List<String> same = new ArrayList<>();
            for (String key : en.stringPropertyNames()) {
                String e = en.getProperty(key), o = other.getProperty(key);
                if (o == null) continue;   // parity is the other test's
                if (e.equals(o)) same.add(key);
                assertEquals(placeholders(placeholder, e), placeholders(placeholder, o), lang + " " + key + " names other values than English");
            }
            assertTrue(same.isEmpty(), lang + " repeats the English sentence for " + same);
        }
    }

    private static Set<String> placeholders(Pattern p, String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Generated from the catalogue: the mapper answers each code in kk and ru with that language's sentence. */
    @Test
    void theMapperWordsEveryCatalogueCodeInTheReadersLanguage() throws IOException {
        Properties en = load("texts", "en");
        int asked = 0;
        for (String key : en.stringPropertyNames()) {
            if (!key.startsWith("problem.")) continue;
            String code = key.substring("problem.".length());
            String english = Texts.problem("en", code);
            for (String lang : List.of("kk", "ru")) {
                Response r = RuleViolationTest.mapperIn(lang).problem(new Problem(400, code, english), null);
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) r.getEntity();
                assertEquals(code, body.get("code"));
                assertEquals(Texts.problem(lang, code), body.get("detail"), code + " in " + lang);
                assertTrue(!english.equals(body.get("detail")), code + " in " + lang + " is English");
                asked++;
            }
            Response r = RuleViolationTest.mapperIn("en").problem(new Problem(400, code, "The throw site's own words"), null);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) r.getEntity();
            assertEquals("The throw site's own words", body.get("detail"), "an English reader keeps the specific sentence");
        }
        assertTrue(asked > 700, "asked " + asked);
    }

    @Test
    void theStatedLanguageIsReadFromAcceptLanguageWithItsPreferences() {
        assertEquals("kk", RequestLanguage.fromAcceptLanguage("kk"));
        assertEquals("ru", RequestLanguage.fromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8"));
        assertEquals("kk", RequestLanguage.fromAcceptLanguage("de-DE, en;q=0.5, kk-KZ;q=0.9"));
        assertEquals(null, RequestLanguage.fromAcceptLanguage("de, fr;q=0.5"));
        assertEquals(null, RequestLanguage.fromAcceptLanguage("@@"));
        assertEquals(null, RequestLanguage.fromAcceptLanguage(null));
    }
}
