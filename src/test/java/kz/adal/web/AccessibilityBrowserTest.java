package kz.adal.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.bank.BankRows;
import kz.adal.exam.DeliveryMode;
import kz.adal.identity.UserRows;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core (fetched by the build into target/axe) over every page under web/, each opened by the role that uses it
 * (the home page by every role), with real ids from fixtures where a page needs one. A page added later is found by
 * walking web/ and opened as the administrator unless {@link #plan} says otherwise. Fails on serious or critical
 * violations (aim: WCAG 2.1 AA), listing each page, rule and element.
 */
@QuarkusTest
class AccessibilityBrowserTest {
    static final Path AXE = Paths.get("target/axe/axe.min.js");
    static final List<String> ROLES = List.of("admin", "student", "teacher", "author", "head", "expert", "dean", "policy",
            "registrar", "portal", "proctor", "secretary", "reviewer");

    @TestHTTPResource("/")
    URL base;

    /** What the pages need: one exam with a started attempt, a pending stop request, an act. */
    record Data(UUID exam, String attempt, Fixtures.Person student, String termination, String act, UUID demoBank,
                UUID review, String sitting) {
    }

    static Data data() {
        String group = Fixtures.group("a11y");
        UUID exam = Fixtures.publishedExam(group, "Accessible exam", 5, 50, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.Person student = Fixtures.student("a11y", group);
        Fixtures.admit(exam, student.id(), "all control tasks done");
        String attempt = student.api().post("/api/exams/" + exam + "/attempt").then().statusCode(200).extract().path("id");
        student.api().body(Map.of()).post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        Api.as("teacher").body(Map.of("proctorLogin", "proctor", "examId", exam.toString())).post("/api/proctor/assignments").then().statusCode(200);
        String termination = Api.as("proctor").body(Map.of("reason", "a phone on the desk"))
                .post("/api/proctor/attempts/" + attempt + "/terminate").then().statusCode(202).extract().path("id");
        String act = Api.as("proctor").post("/api/attempts/" + attempt + "/acts").then().statusCode(201).extract().path("id");
        String sitting = oralSitting();
        // the demo student's pages as the demo shows them (the tests have no demo exams): an exam open now, admitted,
        // and one opening tomorrow
        UUID demoStudent = UserRows.id("student");
        Fixtures.admit(Fixtures.publishedExam("IS-22-1k", "Attestation", 30, 50, DeliveryMode.REMOTE_PROCTORED), demoStudent,
                "all control tasks done");
        java.time.Instant tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        Fixtures.publishedExam("IS-22-1k", "Control", 30, 50, DeliveryMode.REMOTE_PROCTORED, tomorrow, tomorrow.plus(java.time.Duration.ofDays(7)));
        UUID expert = UserRows.id("expert");
        return new Data(exam, attempt, student, termination, act, BankRows.demoBank("en"), BankRows.reviewOf(expert), sitting);
    }

    /** An oral sitting for today with the demo commission ("chair" presides), as the head of department sets it up. */
    static String oralSitting() {
        Map<String, String> id = new java.util.HashMap<>();
        for (String login : List.of("chair", "member1", "member2", "secretary", "head", "student")) id.put(login, UserRows.id(login).toString());
        List<Map<String, Object>> tickets = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) tickets.add(Map.of("number", i, "questions", List.of("Сұрақ " + i + ".1", "Сұрақ " + i + ".2", "Сұрақ " + i + ".3")));
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", "Accessible sitting");
        body.put("emergencyBasis", "Order No. 7 of 2026-05-01: quarantine declared in the region");
        body.put("studyLevel", "BACHELOR");
        body.put("date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString());
        body.put("programme", "6B06102 Information systems");
        body.put("language", "kk");
        body.put("chairId", id.get("chair"));
        body.put("memberIds", List.of(id.get("member1"), id.get("member2")));
        body.put("secretaryId", id.get("secretary"));
        body.put("headId", id.get("head"));
        body.put("studentIds", List.of(id.get("student")));
        body.put("allowRepeatTickets", false);
        body.put("preparationMinutes", 20);
        body.put("answerMinutes", 15);
        body.put("tickets", tickets);
        return Api.as("head").body(body).post("/api/oral/sittings").then().statusCode(201).extract().path("sittingId");
    }

    /** Who opens a page, and with which query; a page not listed here is opened by the administrator as it is. */
    record Visit(String login, String query) {
    }

    static Map<String, Function<Data, Visit>> plan() {
        Map<String, Function<Data, Visit>> p = new LinkedHashMap<>();
        p.put("index.html", d -> new Visit(null, ""));
        p.put("bank/index.html", d -> new Visit("author", ""));
        p.put("bank/version.html", d -> new Visit("head", "?bank=" + d.demoBank()));
        p.put("bank/review.html", d -> new Visit("expert", d.review() == null ? "" : "?id=" + d.review()));
        p.put("casework/absence-chair.html", d -> new Visit("chair", ""));
        p.put("casework/absence-dean.html", d -> new Visit("dean", ""));
        p.put("casework/absence.html", d -> new Visit("student", ""));
        p.put("casework/act.html", d -> new Visit("proctor", "?id=" + d.act()));
        p.put("casework/acts.html", d -> new Visit("proctor", ""));
        p.put("casework/appeal-chair.html", d -> new Visit("dean", ""));
        p.put("casework/appeal.html", d -> new Visit("student.en", ""));
        p.put("casework/commission.html", d -> new Visit("teacher", "?exam=" + d.exam()));
        p.put("casework/inbox.html", d -> new Visit("teacher", ""));
        p.put("exam/edit.html", d -> new Visit("teacher", ""));
        p.put("exam/grades.html", d -> new Visit("teacher", "?id=" + d.exam()));
        p.put("exam/index.html", d -> new Visit("teacher", ""));
        p.put("exam/locks.html", d -> new Visit("portal", ""));
        p.put("exam/practice.html", d -> new Visit("student.en", ""));
        p.put("exam/sheets.html", d -> new Visit("student.en", ""));
        p.put("exam/students.html", d -> new Visit("teacher", "?id=" + d.exam()));
        p.put("oral/index.html", d -> new Visit("head", ""));
        p.put("oral/room.html", d -> new Visit("chair", "?sitting=" + d.sitting()));
        p.put("proctor/identity.html", d -> new Visit("proctor", ""));
        p.put("proctor/index.html", d -> new Visit("proctor", ""));
        p.put("proctor/termination.html", d -> new Visit("teacher", "?id=" + d.termination()));
        p.put("review/attempt.html", d -> new Visit("reviewer", "?id=" + d.attempt()));
        p.put("review/index.html", d -> new Visit("reviewer", ""));
        p.put("review/monitoring.html", d -> new Visit("registrar", ""));
        p.put("review/recording.html", d -> new Visit("reviewer", "?attempt=" + d.attempt()));
        p.put("student/check.html", d -> new Visit(d.student().login(), "?exam=" + d.exam()));
        p.put("student/evidence.html", d -> new Visit(d.student().login(), "?attempt=" + d.attempt()));
        p.put("student/exam.html", d -> new Visit(d.student().login(), "?attempt=" + d.attempt()));
        p.put("student/index.html", d -> new Visit(d.student().login(), ""));
        p.put("student/result.html", d -> new Visit(d.student().login(), "?attempt=" + d.attempt()));
        p.put("vision/enroll.html", d -> new Visit("registrar", ""));
        return p;
    }

    /** Pictures for the per-role guides (docs/guides), taken on the way when -Dadal.guides.screenshots=true. */
    static final Map<String, String> GUIDE = Map.ofEntries(
            Map.entry("home.html|student", "student-home"), Map.entry("student/index.html", "student-exams"),
            Map.entry("student/check.html", "student-check"), Map.entry("casework/appeal.html", "student-appeal"),
            Map.entry("home.html|proctor", "proctor-home"), Map.entry("proctor/index.html", "proctor-console"),
            Map.entry("proctor/identity.html", "proctor-identity"), Map.entry("casework/act.html", "proctor-act"),
            Map.entry("home.html|teacher", "teacher-home"), Map.entry("exam/index.html", "teacher-exams"),
            Map.entry("exam/students.html", "teacher-exam-page"), Map.entry("exam/grades.html", "teacher-grades"),
            Map.entry("proctor/termination.html", "teacher-stop-request"),
            Map.entry("bank/index.html", "author-banks"), Map.entry("bank/version.html", "head-bank-version"),
            Map.entry("home.html|registrar", "registrar-home"), Map.entry("review/monitoring.html", "registrar-monitoring"),
            Map.entry("vision/enroll.html", "registrar-enroll"),
            Map.entry("oral/room.html", "chair-oral-room"), Map.entry("casework/absence-chair.html", "chair-absences"),
            Map.entry("home.html|dean", "dean-home"), Map.entry("casework/absence-dean.html", "dean-absences"),
            Map.entry("casework/appeal-chair.html", "dean-appeals"), Map.entry("review/index.html", "reviewer-queue"),
            Map.entry("home.html|admin", "admin-home"), Map.entry("admin/users.html", "admin-users"),
            Map.entry("admin/calendar.html", "admin-calendar"), Map.entry("home.html|secretary", "secretary-home"),
            Map.entry("oral/index.html", "head-oral"));

    static List<String> pages() throws IOException {
        Path web = Paths.get("web");
        try (Stream<Path> files = Files.walk(web)) {
            return files.filter(f -> f.toString().endsWith(".html")).map(f -> web.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolations() throws IOException {
        assertTrue(Files.isRegularFile(AXE), AXE + " is missing: the build fetches it (npm pack axe-core, see the pom's fetch-axe-core)");
        Data d = data();
        Map<String, Function<Data, Visit>> plan = plan();
        // page → who opens it; grouped by person so each logs in once
        Map<String, List<String[]>> byLogin = new LinkedHashMap<>();
        for (String page : pages()) {
            List<Visit> visits = page.equals("home.html") ? ROLES.stream().map(r -> new Visit(r, "")).toList()
                    : List.of(plan.getOrDefault(page, x -> new Visit("admin", "")).apply(d));
            for (Visit v : visits) {
                byLogin.computeIfAbsent(String.valueOf(v.login()), k -> new ArrayList<>()).add(new String[] {page, v.query()});
            }
        }
        List<String> found = new ArrayList<>();
        int visited = 0;
        for (var e : byLogin.entrySet()) {
            String login = e.getKey().equals("null") ? null : e.getKey();
            try (BrowserContext ctx = Browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(1280, 860).setBypassCSP(true).setLocale("en-GB").setTimezoneId("Asia/Almaty")
                    .setPermissions(List.of("camera", "microphone")))) {
                Page page;
                if (login == null) {
                    page = ctx.newPage();
                    page.navigate(base + "index.html");
                } else {
                    page = Browser.loggedIn(ctx, base.toString(), login);
                }
                page.evaluate("localStorage.setItem('adal.lang','en')");
                for (String[] visit : e.getValue()) {
                    visited++;
                    try {
                        found.addAll(check(page, visit[0], visit[1], login));
                    } catch (RuntimeException failed) {
                        found.add("  " + visit[0] + " (as " + login + "): could not be checked: " + failed.getMessage().lines().findFirst().orElse(""));
                        page = ctx.newPage();
                    }
                }
            }
        }
        assertTrue(visited > 40, "visited " + visited);
        if (!found.isEmpty()) fail(found.size() + " serious or critical accessibility violations:\n" + String.join("\n", found));
    }

    /** Opens the page, waits for it to settle, runs axe; returns one line per violating element. */
    List<String> check(Page page, String path, String query, String login) {
        page.navigate(base + path + query);
        settle(page);
        String shot = GUIDE.getOrDefault(path + "|" + login, path.equals("home.html") ? null : GUIDE.get(path));
        if (shot != null) Browser.guide(page, shot);
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(x => x.impact === 'serious' || x.impact === 'critical')
                    .flatMap(x => x.nodes.slice(0, 6).map(n => ({ rule: x.id, impact: x.impact, help: x.help,
                      target: n.target.join(' '), html: n.html.slice(0, 140) })));
                }""");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> x : violations) {
            out.add(String.format("  %s (as %s): [%s] %s — %s — %s | %s", path, login == null ? "anonymous" : login,
                    x.get("impact"), x.get("rule"), x.get("help"), x.get("target"), x.get("html")));
        }
        return out;
    }

    @Test
    void theExamPageAndTheProctorConsoleCanBeWalkedWithTheKeyboard() {
        Data d = data();
        for (Visit v : List.of(new Visit("teacher", "exam/students.html?id=" + d.exam()), new Visit("proctor", "proctor/index.html"))) {
            try (BrowserContext ctx = Browser.context()) {
                Page page = Browser.loggedIn(ctx, base.toString(), v.login());
                page.evaluate("localStorage.setItem('adal.lang','en')");
                page.navigate(base + v.query());
                settle(page);
                if (v.login().equals("proctor")) page.locator(".pc-tile, [data-attempt]").first().waitFor();
                List<String> missed = unreachable(page);
                assertTrue(missed.isEmpty(), v.query() + ": not reachable with Tab: " + missed);
            }
        }
    }

    /**
     * Numbers every visible, enabled control, then presses Tab until focus comes round again; returns the controls
     * never focused (a radio group counts once, as the keyboard enters it once).
     */
    static List<String> unreachable(Page page) {
        int n = ((Number) page.evaluate("""
                () => {
                  let i = 0; const groups = new Set();
                  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')) {
                    if (e.disabled || e.tabIndex < 0 || e.closest('[hidden], [inert]') || !e.getClientRects().length) continue;
                    if (getComputedStyle(e).visibility === 'hidden') continue;
                    if (e.type === 'radio') { if (groups.has(e.name)) { e.dataset.kbdGroup = e.name; continue; } groups.add(e.name); e.dataset.kbdGroup = e.name; }
                    e.dataset.kbd = String(i++);
                  }
                  return i;
                }""")).intValue();
        java.util.Set<String> seen = new java.util.HashSet<>();
        page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        for (int i = 0; i < n * 2 + 20 && seen.size() < n; i++) {
            page.keyboard().press("Tab");
            String k = (String) page.evaluate("""
                    () => { const e = document.activeElement; if (!e) return null;
                      if (e.dataset.kbdGroup) return document.querySelector(`[data-kbd-group="${e.dataset.kbdGroup}"][data-kbd]`)?.dataset.kbd ?? null;
                      return e.dataset.kbd ?? null; }""");
            if (k != null) seen.add(k);
        }
        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) page.evaluate("() => [...document.querySelectorAll('[data-kbd]')].map(e => e.dataset.kbd + ': '"
                + " + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40))");
        return all.stream().filter(x -> !seen.contains(x.substring(0, x.indexOf(':')))).toList();
    }

    static void settle(Page page) {
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(5000));
        } catch (RuntimeException slowOrStreaming) {
            // live pages keep a socket or polling open: what is drawn by now is what a person sees first
        }
    }
}
