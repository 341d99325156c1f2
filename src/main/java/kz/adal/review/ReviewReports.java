package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.Actor;
import kz.adal.platform.Csv;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;
import kz.adal.attempt.AttemptState;
import kz.adal.proctoring.FlagType;
import kz.adal.vision.IdentityChecks;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorQueries;
import kz.adal.review.ReviewViews.AttemptReview;
import kz.adal.review.ReviewViews.FlagReview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Printable and exportable review reports: the per-attempt PDF (with the flags' evidence frames and every
 * {@link AttemptReportSection} contributed by other features) and the per-exam summary as CSV and PDF.
 */
@ApplicationScoped
public class ReviewReports {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    static final List<String> CSV_COLUMNS = List.of("attempt_id", "student_login", "student_name", "state", "percent",
            "credibility_score", "flags", "flags_by_type", "confirmed", "dismissed", "verdict", "verdict_reason");

    private final ReviewService review;
    private final ProctorQueries proctoring;
    private final Instance<AttemptReportSection> sections;
    private final AnswerReceipts receipts;

    private final OfficialDocuments documents;
    private final TimeSource time;
    private final ExamCatalog exams;

    ReviewReports(ReviewService review, ProctorQueries proctoring, @Any Instance<AttemptReportSection> sections, AnswerReceipts receipts,
                  OfficialDocuments documents, TimeSource time, ExamCatalog exams) {
        this.exams = exams;
        this.documents = documents;
        this.time = time;
        this.receipts = receipts;
        this.review = review;
        this.proctoring = proctoring;
        this.sections = sections;
    }

    /**
     * The attempt's report as a reviewer signs it, in the exam's language of instruction (or {@code lang}):
     * result, identity check, timeline summary, flags with their evidence frames captioned, the verdict and
     * every section other features contribute. Texts: documents bundle, {@code attemptReport.*}.
     */
    @Transactional
    public byte[] attemptPdf(UUID attemptId, Actor actor, String lang) {
        AttemptReview r = review.attempt(attemptId, actor);
        Wording w = documents.wording(exams.languageOf(r.examId()), lang);
        PdfDocument pdf = w.start("attemptReport", r.examTitle(), time.today());
        pdf.fields(List.of(
                new String[]{w.t("attemptReport.student"), r.studentName() + " (" + r.studentLogin() + ")"},
                new String[]{w.t("attemptReport.attempt"), r.attemptId().toString()},
                new String[]{w.t("attemptReport.state"), w.label(AttemptState.class, r.state())},
                new String[]{w.t("attemptReport.started"), w.at(r.startedAt())},
                new String[]{w.t("attemptReport.finished"), w.at(r.finishedAt())},
                new String[]{w.t("attemptReport.result"), r.percent() == null ? "—" : w.decimal(r.percent()) + " %" + (r.letter() == null ? "" : " (" + r.letter() + ")")
                        + (r.annulledReason() == null ? "" : " — " + w.t("attemptReport.annulled", r.annulledReason()))},
                new String[]{w.t("attemptReport.credibility"), w.t("attemptReport.credibilityValue", String.valueOf(r.score()))},
                new String[]{w.t("attemptReport.paused"), w.duration(r.pausedSeconds())},
                // what the student's signed receipt carries: equal means these are the answers the student was given a receipt for
                new String[]{w.t("attemptReport.answersHash"), receipts.storedSha256(r.attemptId())}));

        pdf.heading(w.t("attemptReport.identity"));
        if (r.identity() == null) pdf.paragraph(w.t("attemptReport.noIdentity"));
        else pdf.fields(List.of(new String[]{w.t("attemptReport.identityStatus"), w.label(IdentityChecks.Status.class, r.identity().status())},
                new String[]{w.t("attemptReport.identityReason"), w.label(IdentityChecks.Reason.class, r.identity().reason())},
                new String[]{w.t("attemptReport.similarity"), r.identity().similarity() == null ? "—"
                        : w.decimal(java.math.BigDecimal.valueOf(r.identity().similarity()).setScale(2, java.math.RoundingMode.HALF_UP))},
                new String[]{w.t("attemptReport.checked"), w.at(r.identity().at())}));

        pdf.heading(w.t("attemptReport.timeline"));
        Map<String, Integer> kinds = new TreeMap<>();
        r.timeline().forEach(e -> kinds.merge(event(w, e.kind()), 1, Integer::sum));
        pdf.table(List.of(w.t("attemptReport.event"), w.t("attemptReport.howMany")),
                kinds.entrySet().stream().map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList(), 3f, 1f);

        pdf.heading(w.t("attemptReport.flags"));
        if (r.flags().isEmpty()) pdf.paragraph(w.t("attemptReport.noFlags"));
        for (FlagReview f : r.flags()) {
            pdf.paragraph(w.label(FlagType.class, f.type()) + " (" + w.label("Severity." + f.severity()) + "), " + w.at(f.startAt()) + " – "
                    + w.at(f.endAt()) + ", " + w.duration(f.seconds()) + detail(w, f.detail()));
            pdf.note(f.decision() == null ? w.t("attemptReport.undecided")
                    : w.t("attemptReport.decision", w.label(FlagDecision.Decision.class, f.decision().decision()), f.decision().decidedBy(),
                    w.at(f.decision().decidedAt())) + (f.decision().comment() == null || f.decision().comment().isBlank() ? "" : " — " + f.decision().comment()));
            for (ReviewViews.Evidence e : f.evidence().stream().limit(2).toList()) {
                byte[] jpeg = proctoring.reviewEvidenceJpeg(r.attemptId(), e.id());
                if (jpeg != null) {
                    pdf.figure(jpeg, 220, w.t("attemptReport.frame", w.label(FlagType.class, f.type()), w.at(e.at())), w.t("common.unreadableImage"));
                }
            }
        }

        pdf.heading(w.t("attemptReport.verdict"));
        if (r.verdict() == null) pdf.paragraph(w.t("attemptReport.noVerdict"));
        else pdf.fields(List.of(new String[]{w.t("attemptReport.verdict"), w.label(VerdictRules.Verdict.class, r.verdict().verdict())},
                new String[]{w.t("attemptReport.reason"), r.verdict().reason()},
                new String[]{w.t("attemptReport.by"), r.verdict().decidedBy()}, new String[]{w.t("attemptReport.at"), w.at(r.verdict().decidedAt())}));
        if (r.history().size() > 1) {
            pdf.table(List.of(w.t("common.number"), w.t("attemptReport.verdict"), w.t("attemptReport.reason"), w.t("attemptReport.by"),
                    w.t("attemptReport.at")), r.history().stream().map(h -> List.of(String.valueOf(h.revision()),
                    w.label(VerdictRules.Verdict.class, h.verdict()), h.reason(), String.valueOf(h.decidedBy()), w.at(h.decidedAt()))).toList(),
                    0.4f, 1f, 3f, 1f, 1.5f);
        }

        List<AttemptReportSection> contributors = new ArrayList<>();
        sections.forEach(contributors::add);
        contributors.sort(Comparator.comparingInt(AttemptReportSection::order));
        for (AttemptReportSection c : contributors) {
            for (AttemptReportSection.Section s : c.sectionsFor(r.attemptId(), w)) {
                pdf.heading(s.title());
                if (s.entries().isEmpty()) pdf.paragraph("—");
                for (AttemptReportSection.Entry e : s.entries()) pdf.paragraph((e.at() == null ? "" : w.at(e.at()) + " — ") + e.text());
            }
        }
        pdf.signatureLines(w.signatories("attemptReport"));
        return pdf.bytes();
    }

    /**
     * A flag's detail in the document's language: the event that raised it ("clipboard.copy"), the face check's
     * outcome ("no_face"), a left tab ("tab hidden", "window lost focus"), the number of screens ("screens: 2"), the shared surface ("surface: window"), the
     * recording that stopped and why ("CAMERA: DENIED"). A form not known here is printed as it is in an English
     * document and left out of a kk or ru one (the flag's kind, times and duration say what matters).
     */
    static String detail(Wording w, String d) {
        String text = detailWords(w, d);
        return text == null ? "" : ": " + text;
    }

    /** The flag's detail in words (see {@link #detail}), or null when there is none to print in this language. */
    static String detailWords(Wording w, String d) {
        if (d == null || d.isBlank()) return null;
        String text = detailText(w, d.strip());
        if (text == null) return "en".equals(w.language()) ? d : null;
        return text;
    }

    private static String detailText(Wording w, String d) {
        String event = known(w, "event." + d);
        if (event != null) return event;
        String face = known(w, "flagDetail.face." + d);
        if (face != null) return face;
        if (d.equals("ended")) return w.t("event.screen.ended");
        if (d.equals("tab hidden")) return w.t("event.visibility.hidden");
        if (d.equals("window lost focus")) return w.t("event.focus.lost");
        if (d.startsWith("screens: ")) return w.t("flagDetail.screens", d.substring(9).strip());
        if (d.startsWith("surface: ")) {
            String surface = known(w, "flagDetail.surface." + d.substring(9).strip());
            return surface == null ? null : w.t("flagDetail.surface", surface);
        }
        int colon = d.indexOf(": ");
        if (colon > 0) {
            String track = known(w, "act.what." + d.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT));
            String reason = known(w, "act.reason." + d.substring(colon + 2).strip());
            if (track != null) return w.t("flagDetail.recording", track, reason == null ? w.t("act.reason.unknown") : reason);
        }
        return null;
    }

    private static String known(Wording w, String key) {
        String s = w.t(key);
        return s.equals(key) ? null : s;
    }

    /** The name of a timeline event; events a person need not tell apart are counted together. */
    static String event(Wording w, String kind) {
        String s = w.t("event." + kind);
        return s.startsWith("event.") ? w.t("event.other") : s;
    }

    /** One exam's attempts: score, credibility, flag counts, decisions, verdicts. */
    @Transactional
    public List<ReviewQueue.Row> examRows(UUID examId, Actor actor) {
        if (exams.find(examId).isEmpty() || !review.mayReview(actor, examId)) throw Problem.notFound("Exam");
        return review.queue(actor, new ReviewQueue.Filter(examId, null, null, null)).stream()
                .sorted(Comparator.comparing(ReviewQueue.Row::studentLogin, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    @Transactional
    public String examCsv(UUID examId, Actor actor) {
        List<ReviewQueue.Row> rows = examRows(examId, actor);
        Csv csv = Csv.withUnixLines(CSV_COLUMNS);
        for (ReviewQueue.Row r : rows) {
            long[] cd = decisions(r.attemptId());
            ReviewVerdict v = ReviewVerdict.findById(r.attemptId());
            csv.row(List.of(r.attemptId().toString(), nz(r.studentLogin()), nz(r.studentName()), r.state(),
                    r.percent() == null ? "" : r.percent().toPlainString(), String.valueOf(r.score()), String.valueOf(r.flagTotal()),
                    byType(r.flagCounts()), String.valueOf(cd[0]), String.valueOf(cd[1]),
                    v == null ? ReviewQueue.VerdictState.UNREVIEWED.name() : v.verdict.name(), v == null ? "" : v.reason));
        }
        return csv.text();
    }

    /** The exam's review summary (the monitoring of one exam): every attempt's state, result, credibility, flags and verdict. */
    @Transactional
    public byte[] examPdf(UUID examId, Actor actor, String lang) {
        List<ReviewQueue.Row> rows = examRows(examId, actor);
        ExamCatalog.ExamRecord e = exams.find(examId).orElseThrow();
        Wording w = documents.wording(exams.languageOf(examId), lang);
        PdfDocument pdf = w.start("reviewSummary", e.title(), time.today());
        pdf.fields(List.of(new String[]{w.t("reviewSummary.group"), nz(e.groupCode())},
                new String[]{w.t("reviewSummary.window"), w.at(e.opensAt()) + " – " + w.at(e.closesAt())},
                new String[]{w.t("reviewSummary.attempts"), String.valueOf(rows.size())},
                new String[]{w.t("reviewSummary.unreviewed"), String.valueOf(rows.stream().filter(r -> r.verdict() == ReviewQueue.VerdictState.UNREVIEWED).count())}));
        List<List<String>> table = new ArrayList<>();
        int n = 0;
        for (ReviewQueue.Row r : rows) {
            StringBuilder flags = new StringBuilder(String.valueOf(r.flagTotal()));
            r.flagCounts().forEach((type, count) -> flags.append('\n').append(w.label(FlagType.class, type)).append(": ").append(count));
            table.add(List.of(String.valueOf(++n), nz(r.studentName()) + " (" + nz(r.studentLogin()) + ")", w.label(AttemptState.class, r.state()),
                    r.percent() == null ? "—" : w.decimal(r.percent()), String.valueOf(r.score()), flags.toString(),
                    w.label(r.verdict())));
        }
        pdf.table(List.of(w.t("common.number"), w.t("reviewSummary.student"), w.t("reviewSummary.state"), "%", w.t("reviewSummary.credibility"),
                w.t("reviewSummary.flags"), w.t("reviewSummary.verdict")), table, 0.4f, 2.1f, 1.4f, 0.7f, 1.1f, 2f, 1.5f);
        return pdf.signatureLines(w.signatories("reviewSummary")).bytes();
    }

    private static long[] decisions(UUID attemptId) {
        long confirmed = FlagDecision.count("attemptId = ?1 and decision = ?2", attemptId, FlagDecision.Decision.CONFIRMED);
        long dismissed = FlagDecision.count("attemptId = ?1 and decision = ?2", attemptId, FlagDecision.Decision.DISMISSED);
        return new long[]{confirmed, dismissed};
    }

    static String byType(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
