package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptState;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.People;
import kz.adal.media.RecordingCatalog;
import kz.adal.platform.Csv;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.EventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Monitoring reports (001 §6.12.2) for the registrar and the IT centre (SYSTEM_ADMIN), per exam and period:
 * access (logins of the exam's students during its window, attempt starts), participation (admitted /
 * started / submitted / absent) and the technical failures seen (connection drops, recording gaps and
 * stops, problem reports). Read-only counts; nothing here changes anything.
 */
@ApplicationScoped
public class MonitoringReports {

    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    static final List<String> CSV_COLUMNS = List.of("exam_id", "exam", "group", "opens_at", "closes_at", "logins", "attempt_starts",
            "admitted", "started", "submitted", "absent", "connection_drops", "recording_gaps", "recording_stops", "problem_reports");

    public record Row(UUID examId, String exam, String group, Instant opensAt, Instant closesAt, long logins, long attemptStarts,
                      long admitted, long started, long submitted, long absent, long connectionDrops, long recordingGaps,
                      long recordingStops, long problemReports) {
    }

    private static final String CONNECTION_CLOSED = "connection.closed";
    private static final String PROBLEM_REPORTED = "problem.reported";
    private static final String RECORDING_STOPPED = "recording.stopped";
    private static final List<String> EVENT_KINDS = List.of(CONNECTION_CLOSED, PROBLEM_REPORTED, RECORDING_STOPPED);

    private final EventStore events;

    private final OfficialDocuments documents;
    private final TimeSource time;

    private final ExamCatalog exams;
    private final RecordingCatalog recordings;
    private final AttemptCatalog attempts;

    MonitoringReports(EventStore events, OfficialDocuments documents, TimeSource time, ExamCatalog exams, RecordingCatalog recordings,
                      AttemptCatalog attempts) {
        this.exams = exams;
        this.attempts = attempts;
        this.recordings = recordings;
        this.documents = documents;
        this.time = time;
        this.events = events;
    }

    /** Exams opening in [from, to] (dates in Almaty time; open ends when null), newest first. */
    @Transactional
    public List<Row> rows(LocalDate from, LocalDate to) {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZONE).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<Row> out = new ArrayList<>();
        for (ExamRecord e : exams.opening(start, end)) out.add(row(e));
        return out;
    }

    public String csv(LocalDate from, LocalDate to) {
        Csv csv = Csv.withUnixLines(CSV_COLUMNS);
        for (Row r : rows(from, to)) {
            csv.row(List.of(r.examId().toString(), r.exam(), r.group() == null ? "" : r.group(),
                    ReviewReports.time(r.opensAt()), ReviewReports.time(r.closesAt()), n(r.logins()), n(r.attemptStarts()),
                    n(r.admitted()), n(r.started()), n(r.submitted()), n(r.absent()), n(r.connectionDrops()), n(r.recordingGaps()),
                    n(r.recordingStops()), n(r.problemReports())));
        }
        return csv.text();
    }

    /**
     * The monitoring report as the registrar files it (001 §6.12.2): the period, then per exam its access,
     * participation and technical failures, in the institution's language (or {@code lang}).
     */
    @Transactional
    public byte[] pdf(LocalDate from, LocalDate to, String lang) {
        Wording w = documents.wording(lang);
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows(from, to)) {
            table.add(List.of(r.exam() + (r.group() == null ? "" : "\n" + r.group()), w.at(r.opensAt()) + "\n" + w.at(r.closesAt()),
                    n(r.logins()) + " / " + n(r.attemptStarts()), n(r.admitted()) + " / " + n(r.started()) + " / " + n(r.submitted()) + " / " + n(r.absent()),
                    n(r.connectionDrops()) + " / " + n(r.recordingGaps()) + " / " + n(r.recordingStops()) + " / " + n(r.problemReports())));
        }
        PdfDocument pdf = w.start("monitoring", w.t("monitoring.period", from == null ? "—" : w.date(from), to == null ? "—" : w.date(to)), time.today());
        pdf.table(List.of(w.t("monitoring.exam"), w.t("monitoring.window"), w.t("monitoring.access"), w.t("monitoring.participation"),
                w.t("monitoring.failures")), table, 2.4f, 1.6f, 1.1f, 1.6f, 1.8f);
        pdf.note(w.t("monitoring.legend"));
        return pdf.signatureLines(w.signatories("monitoring")).bytes();
    }

    private Row row(ExamRecord e) {
        // each count from the feature that owns the rows, through its port (docs/architecture.md, "Feature boundaries")
        List<UUID> admittedStudents = exams.admittedStudents(e.id());
        long admitted = admittedStudents.size();
        long started = attempts.countStarted(e.id());
        long submitted = attempts.countIn(e.id(), AttemptState.SUBMITTED);
        long logins = e.opensAt() == null || e.closesAt() == null ? 0 : People.loginsBetween(admittedStudents, e.opensAt(), e.closesAt());
        Map<String, Long> events = this.events.countByKind(attempts.idsOf(e.id()), EVENT_KINDS);
        long drops = events.get(CONNECTION_CLOSED);
        long problems = events.get(PROBLEM_REPORTED);
        long stops = events.get(RECORDING_STOPPED);
        long gaps = recordings.gapCount(e.id());
        return new Row(e.id(), e.title(), e.groupCode(), e.opensAt(), e.closesAt(), logins, started, admitted, started, submitted,
                Math.max(0, admitted - started), drops, gaps, stops, problems);
    }

    private static String n(long v) {
        return String.valueOf(v);
    }
}
