package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.attempt.Attempt;
import kz.adal.exam.Exam;
import kz.adal.identity.Actor;
import kz.adal.platform.Csv;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorService;
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
    private final ProctorService proctoring;
    private final Instance<AttemptReportSection> sections;
    private final AnswerReceipts receipts;

    ReviewReports(ReviewService review, ProctorService proctoring, @Any Instance<AttemptReportSection> sections, AnswerReceipts receipts) {
        this.receipts = receipts;
        this.review = review;
        this.proctoring = proctoring;
        this.sections = sections;
    }

    @Transactional
    public byte[] attemptPdf(UUID attemptId, Actor actor) {
        AttemptReview r = review.attempt(attemptId, actor);
        PdfDocument pdf = PdfDocument.create("Attempt review report");
        pdf.fields(List.of(
                new String[]{"Student", r.studentName() + " (" + r.studentLogin() + ")"},
                new String[]{"Exam", r.examTitle()},
                new String[]{"Attempt", r.attemptId().toString()},
                new String[]{"State", r.state()},
                new String[]{"Started", time(r.startedAt())},
                new String[]{"Finished", time(r.finishedAt())},
                new String[]{"Result", r.percent() == null ? "—" : r.percent().toPlainString() + " %" + (r.letter() == null ? "" : " (" + r.letter() + ")")
                        + (r.annulledReason() == null ? "" : " — result annulled by the verdict: " + r.annulledReason())},
                new String[]{"Credibility score", r.score() + " / 100 (advisory; never changes a grade)"},
                new String[]{"Paused", r.pausedSeconds() + " s"},
                // what the student's signed receipt carries: equal means these are the answers the student was given a receipt for
                new String[]{"Answers SHA-256 (as on the student's receipt)", receipts.storedSha256(r.attemptId())}));

        pdf.heading("Identity check");
        if (r.identity() == null) pdf.paragraph("No identity check recorded.");
        else pdf.fields(List.of(new String[]{"Status", r.identity().status()},
                new String[]{"Reason", r.identity().reason() == null ? "—" : r.identity().reason()},
                new String[]{"Similarity", r.identity().similarity() == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", r.identity().similarity())},
                new String[]{"Checked", time(r.identity().at())}));

        pdf.heading("Timeline summary");
        Map<String, Integer> kinds = new TreeMap<>();
        r.timeline().forEach(e -> kinds.merge(e.kind(), 1, Integer::sum));
        pdf.table(List.of("What", "How many"), kinds.entrySet().stream().map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList(), 3f, 1f);

        pdf.heading("Flags");
        if (r.flags().isEmpty()) pdf.paragraph("No flags.");
        for (FlagReview f : r.flags()) {
            pdf.paragraph(f.type() + " (" + f.severity() + "), " + time(f.startAt()) + " – " + time(f.endAt()) + ", " + f.seconds() + " s"
                    + (f.detail() == null ? "" : ": " + f.detail()));
            pdf.note(f.decision() == null ? "Decision: not decided"
                    : "Decision: " + f.decision().decision() + " by " + f.decision().decidedBy() + " at " + time(f.decision().decidedAt())
                    + " — " + f.decision().comment());
            for (ReviewViews.Evidence e : f.evidence().stream().limit(2).toList()) {
                byte[] jpeg = proctoring.reviewEvidenceJpeg(r.attemptId(), e.id());
                if (jpeg != null) {
                    pdf.image(jpeg, 220);
                    pdf.note("Evidence frame " + time(e.at()));
                }
            }
        }

        pdf.heading("Verdict");
        if (r.verdict() == null) pdf.paragraph("No verdict yet.");
        else pdf.fields(List.of(new String[]{"Verdict", r.verdict().verdict()}, new String[]{"Reason", r.verdict().reason()},
                new String[]{"By", r.verdict().decidedBy()}, new String[]{"At", time(r.verdict().decidedAt())}));
        if (r.history().size() > 1) {
            pdf.table(List.of("#", "Verdict", "Reason", "By", "At"), r.history().stream().map(h -> List.of(String.valueOf(h.revision()),
                    h.verdict(), h.reason(), String.valueOf(h.decidedBy()), time(h.decidedAt()))).toList(), 0.4f, 1f, 3f, 1f, 1.5f);
        }

        List<AttemptReportSection> contributors = new ArrayList<>();
        sections.forEach(contributors::add);
        contributors.sort(Comparator.comparingInt(AttemptReportSection::order));
        for (AttemptReportSection c : contributors) {
            for (AttemptReportSection.Section s : c.sectionsFor(r.attemptId())) {
                pdf.heading(s.title());
                if (s.entries().isEmpty()) pdf.paragraph("—");
                for (AttemptReportSection.Entry e : s.entries()) pdf.paragraph((e.at() == null ? "" : time(e.at()) + " — ") + e.text());
            }
        }
        pdf.signatureLines(List.of("Reviewer"));
        return pdf.bytes();
    }

    /** One exam's attempts: score, credibility, flag counts, decisions, verdicts. */
    @Transactional
    public List<ReviewQueue.Row> examRows(UUID examId, Actor actor) {
        if (Exam.findById(examId) == null || !review.mayReview(actor, examId)) throw Problem.notFound("Exam");
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
                    v == null ? "UNREVIEWED" : v.verdict.name(), v == null ? "" : v.reason));
        }
        return csv.text();
    }

    @Transactional
    public byte[] examPdf(UUID examId, Actor actor) {
        List<ReviewQueue.Row> rows = examRows(examId, actor);
        Exam e = Exam.findById(examId);
        PdfDocument pdf = PdfDocument.create("Review summary: " + e.title);
        pdf.fields(List.of(new String[]{"Group", nz(e.groupCode)}, new String[]{"Opens", time(e.opensAt)},
                new String[]{"Attempts", String.valueOf(rows.size())},
                new String[]{"Unreviewed", String.valueOf(rows.stream().filter(r -> r.verdict() == ReviewQueue.VerdictState.UNREVIEWED).count())}));
        List<List<String>> table = new ArrayList<>();
        for (ReviewQueue.Row r : rows) {
            table.add(List.of(nz(r.studentName()) + " (" + nz(r.studentLogin()) + ")", r.state(),
                    r.percent() == null ? "—" : r.percent().toPlainString(), String.valueOf(r.score()),
                    r.flagTotal() + (r.flagCounts().isEmpty() ? "" : " (" + byType(r.flagCounts()) + ")"), r.verdict().name()));
        }
        pdf.table(List.of("Student", "State", "%", "Credibility", "Flags", "Verdict"), table, 2.1f, 1.4f, 0.7f, 1.2f, 1.8f, 1.7f);
        return pdf.bytes();
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
