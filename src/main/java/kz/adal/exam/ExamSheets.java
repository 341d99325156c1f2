package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.identity.People.Person;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the grade sheet and the AIS export ({@code exam.sheet}) read of an exam: the exam and its group's students with
 * their admission and a counted individual-sheet grade. The {@link Exam} and {@link Extension} rows are entities of
 * this package, so the sheet in its sub-package reads them through here, as records. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ExamSheets {

    /** The exam as its grade sheet shows it, with the AIS export days of {@link AisExportRule} and its {@link ExamLanguage}. */
    public record SheetExam(UUID id, ExamView view, String title, AssessmentKind kind, String discipline, String groupCode,
                            String academicPeriod, Instant opensAt, Instant closesAt, int questionCount, int durationMinutes,
                            LocalDate lastAttestationDay, LocalDate firstExportDay, String language) {
        /** See {@link AisExportRule#allowedOn}. */
        public boolean aisExportAllowedOn(LocalDate today) {
            return AisExportRule.allowedOn(firstExportDay, today);
        }
    }

    /**
     * A student of the exam's group: whether admitted (the teacher's admission and, where the kind asks, the completed
     * curriculum), and the grade of an individual sheet returned in time (001 §5.34–5.35), null when none counts.
     */
    public record SheetStudent(Person person, boolean admitted, BigDecimal individualSheetPercent) {
    }

    private final ExamService exams;

    ExamSheets(ExamService exams) {
        this.exams = exams;
    }

    /** The exam, for a caller who may see it ({@link ExamService#requireVisible}). */
    public SheetExam visible(UUID examId) {
        return record(exams.requireVisible(examId));
    }

    /** The exam, for a caller who may change it ({@link ExamService#requireManageable}). */
    public SheetExam manageable(UUID examId) {
        return record(exams.requireManageable(examId));
    }

    /** The students of the exam's group, in the group's order. */
    public List<SheetStudent> students(UUID examId) {
        Exam exam = Exam.findById(examId);
        List<SheetStudent> out = new ArrayList<>();
        for (Person s : ExamService.groupStudents(exam.groupCode)) {
            boolean admitted = ExamAccess.isAdmitted(exam, s.id()) && (!exam.kind.requiresCompletedCurriculum() || s.curriculumCompleted());
            List<Extension> counted = Extension.list("examId = ?1 and studentId = ?2 and state in ?3 and gradePercent is not null",
                    exam.id, s.id(), List.of(IndividualSheetState.RETURNED, IndividualSheetState.RECORDED_IN_AIS));
            out.add(new SheetStudent(s, admitted, counted.isEmpty() ? null : counted.get(0).gradePercent));
        }
        return out;
    }

    private static SheetExam record(Exam e) {
        return new SheetExam(e.id, ExamView.of(e), e.title, e.kind, e.discipline, e.groupCode, e.academicPeriod, e.opensAt, e.closesAt,
                e.questionCount, e.durationMinutes, AisExportRule.lastAttestationDay(e), AisExportRule.firstExportDay(e), ExamLanguage.of(e));
    }
}
