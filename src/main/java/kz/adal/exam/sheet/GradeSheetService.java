package kz.adal.exam.sheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamResults;
import kz.adal.exam.ExamSheets;
import kz.adal.exam.ExamSheets.SheetExam;
import kz.adal.exam.ExamSheets.SheetStudent;
import kz.adal.exam.ExamView;
import kz.adal.exam.StudentResult;
import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScale;
import kz.adal.identity.People.Person;
import kz.adal.platform.Csv;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The grade sheet of an exam and its group, and the export to the university AIS (001 §5.28, §5.33).
 * Percentages come from {@link ExamResults} (the attempt feature) or from a counted individual sheet;
 * the exam and its students are read through the exam package's {@link ExamSheets} (records);
 * letters, grade points and traditional marks from the institution's {@link LetterScale}. The exam's
 * score is not the discipline's final grade (001 §6.10). Format: docs/domain/grade-export.md.
 */
@ApplicationScoped
public class GradeSheetService {
    public static final String NOT_FINAL_NOTE = "The exam score is not the discipline's final grade, which the institution's "
            + "formula computes (001 §6.10).";
    static final List<String> SHEET_COLUMNS = List.of("login", "full_name", "group", "admitted", "state", "submitted_at",
            "percent", "letter", "gpa", "traditional_mark", "source", "score_type");
    public static final List<String> AIS_COLUMNS = List.of("student_login", "student_name", "group", "discipline", "academic_period",
            "assessment_kind", "exam_id", "last_attestation_day", "percent", "letter", "gpa", "traditional_mark", "score_type");
    static final String SCORE_TYPE = "EXAM_SCORE";

    private final ExamSheets exams;
    private final ExamResults results;
    private final AuditTrail audit;
    private final TimeSource time;
    private final LetterScale scale;
    private final GradeSheetDocument sheetDocument;

    GradeSheetService(ExamSheets exams, ExamResults results, AuditTrail audit, TimeSource time, GradeSheetDocument sheetDocument,
                      @ConfigProperty(name = "adal.grading.letter-scale", defaultValue = LetterScale.DEFAULT_CONFIG) String scaleConfig) {
        this.exams = exams;
        this.results = results;
        this.audit = audit;
        this.time = time;
        this.scale = LetterScale.parse(scaleConfig);
        this.sheetDocument = sheetDocument;
    }

    public record GradeRow(UUID studentId, String login, String fullName, boolean admitted, String state, Instant submittedAt,
                           BigDecimal percent, String letter, BigDecimal gpa, Integer traditionalMark, String source) {}

    public record GradeSheet(ExamView exam, List<GradeRow> rows, String note, boolean aisExportAllowed) {}

    @Transactional
    public GradeSheet sheet(UUID examId) {
        SheetExam exam = exams.visible(examId);
        return new GradeSheet(exam.view(), rows(exam), NOT_FINAL_NOTE, exam.aisExportAllowedOn(time.today()));
    }

    List<GradeRow> rows(SheetExam exam) {
        Map<UUID, StudentResult> byStudent = new HashMap<>();
        for (StudentResult r : results.resultsFor(exam.id())) byStudent.put(r.studentId(), r);
        List<GradeRow> rows = new ArrayList<>();
        Instant now = time.now();
        for (SheetStudent student : exams.students(exam.id())) {
            Person s = student.person();
            boolean admitted = student.admitted();
            StudentResult r = byStudent.get(s.id());
            BigDecimal percent = r == null ? null : r.percent();
            String state = r != null && r.attemptState() != null ? r.attemptState()
                    : (!admitted ? GradeRowState.NOT_ADMITTED : now.isAfter(exam.closesAt()) ? GradeRowState.ABSENT : GradeRowState.NOT_STARTED).name();
            String source = r != null && r.percent() != null ? "ATTEMPT" : null;
            // a grade on an individual sheet returned in time counts (001 §5.34–5.35)
            if (student.individualSheetPercent() != null) {
                percent = student.individualSheetPercent();
                state = GradeRowState.INDIVIDUAL_SHEET.name();
                source = "INDIVIDUAL_SHEET";
            }
            LetterBand band = percent == null ? null : scale.gradeFor(percent);
            rows.add(new GradeRow(s.id(), s.login(), s.fullName(), admitted, state, r == null ? null : r.submittedAt(),
                    percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP), band == null ? null : band.letter(),
                    band == null ? null : band.gpa(), band == null ? null : band.traditionalMark(), source));
        }
        return rows;
    }

    /**
     * The grade sheet as a table a person opens (a spreadsheet): column names, states and sources are the
     * labels of {@code lang} ({@code GradeSheetColumn.*}, {@code GradeSheetState.*}, {@code GradeSource.*} in
     * texts/labels*.properties), times are 24-hour in the institution's zone. The AIS export keeps its codes.
     */
    @Transactional
    public byte[] csv(UUID examId, String lang) {
        SheetExam exam = exams.visible(examId);
        Csv csv = Csv.withColumns(SHEET_COLUMNS.stream().map(c -> kz.adal.platform.Texts.label(lang, "GradeSheetColumn." + c)).toList());
        for (GradeRow r : rows(exam)) {
            csv.row(List.of(r.login(), r.fullName(), exam.groupCode(), kz.adal.platform.Texts.label(lang, r.admitted() ? "Answer.YES" : "Answer.NO"),
                    r.state() == null ? "" : kz.adal.platform.Texts.label(lang, "GradeSheetState." + r.state()),
                    r.submittedAt() == null ? "" : kz.adal.platform.Texts.dateTime(r.submittedAt(), lang),
                    text(r.percent()), text(r.letter()), text(r.gpa()), text(r.traditionalMark()),
                    r.source() == null ? "" : kz.adal.platform.Texts.label(lang, "GradeSource." + r.source()),
                    kz.adal.platform.Texts.label(lang, "ScoreType." + SCORE_TYPE)));
        }
        audit.record(Change.of("exam.grade-sheet-exported", "exam", exam.id()).scope(exam.id()).detail(Map.of("format", "csv")));
        return csv.utf8WithBom();
    }

    /** The grade sheet as the department signs it, in the exam's language (see {@link GradeSheetDocument}). */
    @Transactional
    public byte[] pdf(UUID examId, String lang) {
        SheetExam exam = exams.visible(examId);
        byte[] pdf = sheetDocument.pdf(exam, rows(exam), scale, lang);
        audit.record(Change.of("exam.grade-sheet-exported", "exam", exam.id()).scope(exam.id()).detail(Map.of("format", "pdf")));
        return pdf;
    }

    /** The AIS export, only after two days have passed since the last attestation day (001 §5.33). */
    @Transactional
    public byte[] aisExport(UUID examId, String format) {
        SheetExam exam = exams.manageable(examId);
        LocalDate today = time.today();
        if (!exam.aisExportAllowedOn(today)) {
            throw Problem.conflict("AIS_EXPORT_TOO_EARLY", "Grades go to the AIS after two days have passed since the last "
                    + "attestation day " + exam.lastAttestationDay() + ": from " + exam.firstExportDay()
                    + " (001 §5.33)");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (GradeRow r : rows(exam)) {
            List<Object> row = new ArrayList<>();
            row.add(r.login());
            row.add(r.fullName());
            row.add(exam.groupCode());
            row.add(exam.discipline());
            row.add(exam.academicPeriod());
            row.add(exam.kind().name());
            row.add(exam.id().toString());
            row.add(exam.lastAttestationDay().toString());
            row.add(r.percent());
            row.add(r.letter());
            row.add(r.gpa());
            row.add(r.traditionalMark());
            row.add(SCORE_TYPE);
            rows.add(row);
        }
        byte[] out;
        if ("xlsx".equals(format)) {
            out = Xlsx.write("AIS", AIS_COLUMNS, rows);
        } else {
            Csv csv = Csv.withColumns(AIS_COLUMNS);
            rows.forEach(csv::row);
            out = csv.utf8WithBom();
        }
        audit.record(Change.of("exam.ais-exported", "exam", exam.id()).scope(exam.id())
                .detail(Map.of("format", "xlsx".equals(format) ? "xlsx" : "csv", "rows", rows.size())));
        return out;
    }

    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal b) return b.toPlainString();
        return v.toString();
    }
}
