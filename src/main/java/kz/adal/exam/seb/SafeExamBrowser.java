package kz.adal.exam.seb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamService;
import kz.adal.identity.CurrentUser;
import kz.adal.platform.Problem;
import kz.adal.platform.RuleViolation;
import kz.adal.platform.TimeSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Safe Exam Browser for an exam (optional per exam; issue 18). The exam's staff switch it on; the
 * student downloads the exam's .seb file and opens it with SEB; from then on the start and every
 * request of the attempt must carry SEB's key headers (checked by {@code attempt.SebGate}):
 * {@code X-SafeExamBrowser-ConfigKeyHash} = SHA-256(request URL + Config Key) or
 * {@code X-SafeExamBrowser-RequestHash} = SHA-256(request URL + Browser Exam Key), or the same values
 * read by the page from SEB's JavaScript API together with the page's URL. Accepted keys: the Config Key of
 * the .seb file Adal generates for the address the student uses, and the keys the staff entered.
 */
@ApplicationScoped
public class SafeExamBrowser {
    /** 403: the exam is taken in SEB and the request came from another browser. */
    public static final String SEB_REQUIRED = "SEB_REQUIRED";
    /** 403: SEB sent keys, but not of a configuration this exam accepts. */
    public static final String SEB_KEY_MISMATCH = "SEB_KEY_MISMATCH";

    private final ExamService exams;
    private final ExamCatalog catalog;
    private final CurrentUser me;
    private final TimeSource time;
    private final AuditTrail audit;
    /** Exam id → settings, for the check on every attempt request; emptied on a change (another node's change shows after CACHE). */
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private static final long CACHE_MS = 10_000;

    private record Cached(SebSettings settings, long at) {}

    SafeExamBrowser(ExamService exams, ExamCatalog catalog, CurrentUser me, TimeSource time, AuditTrail audit) {
        this.exams = exams;
        this.catalog = catalog;
        this.me = me;
        this.time = time;
        this.audit = audit;
    }

    /** What the exam's staff see and edit; configKey is the key of the file Adal generates for {@code base}. */
    public record SettingsView(boolean required, String configKey, List<String> extraConfigKeys, List<String> browserExamKeys) {}

    /** Whether the exam requires SEB, and keys of the university's own files and approved builds (each checked by {@code keys}, naming the bad one). */
    public record SettingsRequest(@jakarta.validation.constraints.NotNull(message = "{problem.SEB_REQUIRED_MISSING}") Boolean required,
                                  List<String> extraConfigKeys, List<String> browserExamKeys) {}

    /** The check page's question: does this exam need SEB, and is this request from it? */
    public record StudentView(boolean required, boolean inSeb, String configUrl) {}

    /** What came with a request: SEB's own headers, or the page's copy of SEB's JavaScript API values. */
    public record Keys(String configKeyHash, String requestHash, String pageUrl, String pageConfigKeyHash, String pageRequestHash) {
        /** Reads SEB's headers ({@code X-SafeExamBrowser-*}) and the page's copies ({@code X-Adal-Seb-*}, web/js/adal.js). */
        public static Keys from(java.util.function.Function<String, String> header) {
            return new Keys(header.apply("X-SafeExamBrowser-ConfigKeyHash"), header.apply("X-SafeExamBrowser-RequestHash"),
                    header.apply("X-Adal-Seb-Page"), header.apply("X-Adal-Seb-Config-Key-Hash"), header.apply("X-Adal-Seb-Browser-Exam-Key-Hash"));
        }

        boolean none() {
            return blank(configKeyHash) && blank(requestHash) && blank(pageConfigKeyHash) && blank(pageRequestHash);
        }
    }

    @Transactional
    SettingsView settings(UUID examId, String base) {
        exams.checkManageable(examId);
        return view(examId, SebSettings.findById(examId), base);
    }

    @Transactional
    SettingsView update(UUID examId, SettingsRequest request, String base) {
        exams.checkManageable(examId);
        SettingsRequest r = kz.adal.platform.Fields.check(request, SettingsRequest.class);
        List<Map<String, String>> errors = new ArrayList<>();
        List<String> extra = keys(r.extraConfigKeys(), "extraConfigKeys", errors);
        List<String> bek = keys(r.browserExamKeys(), "browserExamKeys", errors);
        if (!errors.isEmpty()) throw new RuleViolation(400, "SEB_KEY_INVALID", "A key is 64 hexadecimal characters (SHA-256, as SEB shows it)", errors);
        SebSettings s = SebSettings.findById(examId);
        SettingsView before = view(examId, s, base);
        if (s == null) {
            s = new SebSettings();
            s.examId = examId;
        }
        s.required = r.required();
        s.extraConfigKeys = String.join("\n", extra);
        s.browserExamKeys = String.join("\n", bek);
        s.updatedBy = me.id();
        s.updatedAt = time.now();
        s.persist();
        cache.remove(examId);
        SettingsView after = view(examId, s, base);
        audit.record(Change.of("exam.seb.updated", "exam", examId).scope(examId).before(before).after(after));
        return after;
    }

    /** The .seb file for the address the caller uses. */
    @Transactional
    byte[] configFile(UUID examId, String base) {
        if (catalog.find(examId).isEmpty()) throw Problem.notFound("Exam");
        return SebConfigFile.forExam(base, examId).plist();
    }

    @Transactional
    StudentView student(UUID examId, URI requestUri, String base, Keys keys) {
        if (catalog.find(examId).isEmpty()) throw Problem.notFound("Exam");
        String configUrl = "/api/exams/" + examId + "/seb/config.seb";
        boolean required = required(examId) != null;
        return new StudentView(required, required && outcome(examId, requestUri, base, keys) == null, configUrl);
    }

    /**
     * Refuses a request of an exam that requires SEB unless it carries a key the exam accepts.
     *
     * @param requestUri the absolute URL the client asked for (as SEB hashed it)
     * @param base Adal's address as the client sees it, without the trailing slash
     */
    public void requireSeb(UUID examId, URI requestUri, String base, Keys keys) {
        String code = outcome(examId, requestUri, base, keys);
        if (SEB_REQUIRED.equals(code)) {
            throw RuleViolation.forbidden(SEB_REQUIRED, "This exam is taken in Safe Exam Browser: download the exam's configuration file and open it with SEB");
        }
        if (SEB_KEY_MISMATCH.equals(code)) {
            throw RuleViolation.forbidden(SEB_KEY_MISMATCH, "Safe Exam Browser is not set up for this exam: open the exam's configuration file again");
        }
    }

    /** null when the request may pass, else the refusal's code. */
    private String outcome(UUID examId, URI requestUri, String base, Keys keys) {
        SebSettings s = required(examId);
        if (s == null) return null;
        if (keys == null || keys.none()) return SEB_REQUIRED;
        List<String> configKeys = new ArrayList<>(SebSettings.keys(s.extraConfigKeys));
        configKeys.add(SebConfigFile.forExam(base, examId).configKey());
        List<String> browserKeys = SebSettings.keys(s.browserExamKeys);
        String url = requestUri.toString();
        if (matches(keys.configKeyHash(), url, configKeys) || matches(keys.requestHash(), url, browserKeys)) return null;
        // SEB's JavaScript API hashes the page's URL; the page must be one of ours
        String page = keys.pageUrl();
        if (page != null && page.startsWith(base + "/")
                && (matches(keys.pageConfigKeyHash(), page, configKeys) || matches(keys.pageRequestHash(), page, browserKeys))) return null;
        return SEB_KEY_MISMATCH;
    }

    private static boolean matches(String hash, String url, List<String> keys) {
        if (blank(hash)) return false;
        String h = hash.trim().toLowerCase(java.util.Locale.ROOT);
        for (String k : keys) {
            if (java.security.MessageDigest.isEqual(SebJson.requestHash(url, k).getBytes(), h.getBytes())) return true;
        }
        return false;
    }

    /** The exam's settings when it requires SEB, else null; read at most every CACHE_MS per exam. */
    private SebSettings required(UUID examId) {
        long now = System.currentTimeMillis();
        Cached c = cache.get(examId);
        if (c == null || now - c.at() > CACHE_MS) {
            SebSettings s = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> SebSettings.<SebSettings>findById(examId));
            c = new Cached(s != null && s.required ? s : null, now);
            cache.put(examId, c);
        }
        return c.settings();
    }

    private SettingsView view(UUID examId, SebSettings s, String base) {
        String key = SebConfigFile.forExam(base, examId).configKey();
        return s == null ? new SettingsView(false, key, List.of(), List.of())
                : new SettingsView(s.required, key, SebSettings.keys(s.extraConfigKeys), SebSettings.keys(s.browserExamKeys));
    }

    private static List<String> keys(List<String> given, String field, List<Map<String, String>> errors) {
        if (given == null) return List.of();
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String k : given) {
            if (blank(k)) continue;
            String key = k.trim().toLowerCase(java.util.Locale.ROOT);
            if (!SebSettings.KEY.matcher(key).matches()) errors.add(Map.of("field", field, "message", "Not a key: " + k.trim()));
            else if (seen.add(key)) out.add(key);
        }
        return out;
    }

    /** Adal's address as the client used it: the request's base without the trailing slash. */
    public static String base(URI baseUri) {
        String b = baseUri.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
