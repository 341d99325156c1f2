package kz.adal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page, opened by the role that uses it (the home page by every role), in Kazakh, Russian and English,
 * with the demo data and the accessibility test's fixtures (one exam with a started attempt, a stop request,
 * an act, a sitting). Fails on what a person must never read: an English sentence of ours on a kk or ru page,
 * a raw enum code (STUDENT, IN_PROGRESS, NO_FACE) or event code (camera.ended), {@code null}/{@code undefined},
 * or an ISO timestamp. One browser; one context per person, logged in once, all three languages in it.
 */
@QuarkusTest
class LanguageSweepBrowserTest {
    static final List<String> LANGS = List.of("kk", "ru", "en");
    /** Capitals people read as words or names, not codes. */
    static final Set<String> ACRONYMS = Set.of("PDF", "CSV", "GPA", "AIS", "JPEG", "PNG", "GIF", "URL", "HTTPS", "XML", "GIFT",
            "UTF", "ID", "FX", "OK", "API", "SMTP", "MB", "KB", "WEBM", "ISO", "ECTS", "IIN", "ЖСН", "ИИН", "TURN", "PIN", "QR", "IT");
    static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\b\\d{2}:\\d{2}:\\d{2}\\.\\d{2,}|\\b\\d{4}-\\d{2}-\\d{2}\\b");
    static final Pattern NULLISH = Pattern.compile("\\b(null|undefined|NaN|Invalid Date|\\[object Object])\\b");
    static final Pattern UPPER = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])");
    static final Pattern DOTTED = Pattern.compile("(?<![\\w@/.:-])[a-z][a-zA-Z]+(?:\\.[a-z][a-zA-Z-]*)+(?![\\w@/-])");
    static final Set<String> FILE_OR_HOST = Set.of("kz", "com", "org", "net", "ru", "example", "pdf", "csv", "html", "json", "png", "jpg",
            "jpeg", "js", "txt", "xml", "gift", "xlsx", "webm", "mp4", "local", "y4m", "en", "kk");   // and logins like student.en
    static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @TestHTTPResource("/")
    URL base;

    /** Every constant of every enum in kz.adal: on screen, each must be a label, never the constant. */
    static Set<String> enumCodes() {
        Set<String> codes = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("kz.adal")) {
            if (!c.isEnum()) continue;
            c.getFields().stream().filter(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ENUM))
                    .map(f -> f.getName()).filter(n -> n.length() >= 3 && !ACRONYMS.contains(n)).forEach(codes::add);
        }
        return codes;
    }

    /** Our own English sentences (page bundles and the server's catalogue): on a kk or ru page, one is a missed translation. */
    static Set<String> englishSentences() throws IOException {
        Set<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("web/i18n"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".en.json")).toList()) {
                json.readValue(f.toFile(), Map.class).values().forEach(v -> out.add(String.valueOf(v)));
            }
        }
        Properties texts = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/texts/texts.properties"), StandardCharsets.UTF_8)) {
            texts.load(r);
        }
        texts.values().forEach(v -> out.add(String.valueOf(v).replace("''", "'")));
        out.removeIf(s -> s.contains("{") || s.split("\\s+").length < 3 || s.length() < 16);
        return out;
    }

    /**
     * The keys of our page bundles and the server's catalogue, and the proctoring event codes: shown as they are,
     * one is a missing translation.
     */
    static Set<String> bundleKeys() throws IOException {
        Set<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("web/i18n"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                json.readValue(f.toFile(), Map.class).keySet().forEach(k -> out.add(String.valueOf(k)));
            }
        }
        Properties texts = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/texts/texts.properties"), StandardCharsets.UTF_8)) {
            texts.load(r);
        }
        texts.stringPropertyNames().forEach(out::add);
        // and every event code the proctoring channel knows (camera.ended, clipboard.paste): on screen, each is a label
        out.addAll(kz.adal.proctoring.EventKinds.CLIENT.keySet());
        out.addAll(kz.adal.proctoring.EventKinds.SERVER);
        return out;
    }

    @Test
    void everyPageSpeaksTheReadersLanguageWithoutCodesNullsOrIsoTimes() throws IOException {
        AccessibilityBrowserTest.Data d = AccessibilityBrowserTest.data();
        Map<String, Function<AccessibilityBrowserTest.Data, AccessibilityBrowserTest.Visit>> plan = AccessibilityBrowserTest.plan();
        Map<String, List<String>> byLogin = new LinkedHashMap<>();
        for (String page : AccessibilityBrowserTest.pages()) {
            List<AccessibilityBrowserTest.Visit> visits = page.equals("home.html")
                    ? AccessibilityBrowserTest.ROLES.stream().map(r -> new AccessibilityBrowserTest.Visit(r, "")).toList()
                    : List.of(plan.getOrDefault(page, x -> new AccessibilityBrowserTest.Visit("admin", "")).apply(d));
            for (AccessibilityBrowserTest.Visit v : visits) {
                byLogin.computeIfAbsent(String.valueOf(v.login()), k -> new ArrayList<>()).add(page + v.query());
            }
        }
        Set<String> codes = enumCodes();
        Set<String> english = englishSentences();
        Set<String> keys = bundleKeys();
        List<String> found = new ArrayList<>();
        int visited = 0;
        for (var e : byLogin.entrySet()) {
            String login = e.getKey().equals("null") ? null : e.getKey();
            try (BrowserContext ctx = Browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(1280, 860).setLocale("en-US").setTimezoneId("Europe/Berlin").setBypassCSP(true)
                    .setPermissions(List.of("camera", "microphone")))) {
                // the browser's own language and zone are deliberately foreign: the pages must not lean on them
                Page page = login == null ? ctx.newPage() : Browser.loggedIn(ctx, base.toString(), login);
                if (login == null) page.navigate(base + "index.html");
                for (String lang : LANGS) {
                    if (login != null) Api.as(login).body(Map.of("language", lang)).put("/api/users/me/language").then().statusCode(204);
                    page.evaluate("l => localStorage.setItem('adal.lang', l)", lang);
                    for (String path : e.getValue()) {
                        visited++;
                        try {
                            found.addAll(check(page, path, lang, login == null ? "anonymous" : login, codes, english, keys));
                        } catch (RuntimeException failed) {
                            found.add(path + " [" + lang + ", " + login + "]: could not be read: " + failed.getMessage().lines().findFirst().orElse(""));
                            page = ctx.newPage();
                        }
                    }
                }
                if (login != null) Api.as(login).body(Map.of("language", "kk")).put("/api/users/me/language");
            }
        }
        assertTrue(visited > 120, "visited " + visited);
        if (!found.isEmpty()) fail(found.size() + " things a person should not read:\n" + String.join("\n", found));
    }

    List<String> check(Page page, String path, String lang, String who, Set<String> codes, Set<String> english, Set<String> keys) {
        page.navigate(base + path);
        AccessibilityBrowserTest.settle(page);
        // headings set in capitals by CSS are words, not codes: read the text as written
        page.addStyleTag(new Page.AddStyleTagOptions().setContent("* { text-transform: none !important; }"));
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate("""
                () => {
                  const out = [document.title];
                  const visible = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden';
                  // content in another language says so (lang="en" on an English bank's questions), and the audit
                  // trail's records are shown verbatim as evidence (data-verbatim): neither is the page's own wording
                  const page = document.documentElement.lang;
                  const skipped = [...document.querySelectorAll('[data-verbatim], [lang]')].filter(e => e !== document.documentElement
                    && (e.hasAttribute('data-verbatim') || (e.getAttribute('lang') || page) !== page));
                  const hidden = skipped.map(e => [e, e.style.display]);
                  hidden.forEach(([e]) => { e.style.display = 'none'; });
                  for (const line of document.body.innerText.split('\\n')) if (line.trim()) out.push(line.trim());
                  hidden.forEach(([e, d]) => { e.style.display = d; });
                  for (const e of document.querySelectorAll('[placeholder], [title], [aria-label], option, input[type=submit], input[type=button]')) {
                    if (e.tagName !== 'OPTION' && !visible(e)) continue;
                    for (const a of ['placeholder', 'title', 'aria-label']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
                    if (e.tagName === 'OPTION' || e.tagName === 'INPUT') out.push(e.textContent || e.value || '');
                  }
                  return out.filter(Boolean);
                }""");
        List<String> out = new ArrayList<>();
        String where = path + " [" + lang + ", " + who + "]: ";
        for (String t : texts) {
            String text = t.strip();
            Matcher iso = ISO.matcher(text);
            if (iso.find()) out.add(where + "ISO time '" + iso.group() + "' in «" + cut(text) + "»");
            Matcher nul = NULLISH.matcher(text);
            if (nul.find()) out.add(where + "'" + nul.group() + "' in «" + cut(text) + "»");
            Matcher up = UPPER.matcher(text);
            while (up.find()) {
                String w = up.group();
                if (ACRONYMS.contains(w)) continue;
                // the suite's other tests leave their own data behind (titles, logins, typed reasons): only what is
                // certainly ours counts — an enum constant, a key of our bundles, a sentence of our catalogues
                if (codes.contains(w)) out.add(where + "raw code " + w + " in «" + cut(text) + "»");
            }
            Matcher dot = DOTTED.matcher(text);
            while (dot.find()) {
                String w = dot.group();
                String last = w.substring(w.lastIndexOf('.') + 1).toLowerCase();
                if (!FILE_OR_HOST.contains(last) && keys.contains(w)) out.add(where + "raw key " + w + " in «" + cut(text) + "»");
            }
            // data, not our wording: the demo's English-taught group has an English exam and bank, and the fixture's
            // proctor typed an English reason
            if (!lang.equals("en") && !CYRILLIC.matcher(text).find() && !text.contains("Foundations of mathematics")
                    && !text.startsWith("What is the value of") && !text.startsWith("a phone on the desk")) {
                if (english.contains(text)) out.add(where + "English «" + cut(text) + "»");
            }
        }
        return out;
    }

    static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }
}
