package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScale;
import kz.adal.identity.People;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The individual exam sheet (001 §5.34–5.35) as the dean's office issues it and the teacher fills it in: in
 * the exam's language of instruction, on the institution's letterhead, with the approvals, the order, the
 * 14 days of validity and the grade once given. The application's reason and its supporting document are
 * not printed: they are often medical and stay with the dean's office. Texts: documents bundle,
 * {@code individualSheet.*}; signatories: {@code individualSheet.signatories}.
 */
@ApplicationScoped
public class IndividualSheetDocument {
    private final OfficialDocuments documents;
    private final TimeSource time;
    private final LetterScale scale;

    IndividualSheetDocument(OfficialDocuments documents, TimeSource time,
                            @ConfigProperty(name = "adal.grading.letter-scale", defaultValue = LetterScale.DEFAULT_CONFIG) String scaleConfig) {
        this.documents = documents;
        this.time = time;
        this.scale = LetterScale.parse(scaleConfig);
    }

    byte[] pdf(Extension e, Exam exam, String lang) {
        Wording w = documents.wording(ExamLanguage.of(exam), lang);
        People.Person student = People.find(e.studentId).orElse(null);
        PdfDocument p = w.start("individualSheet", exam.title, time.today());
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{w.t("individualSheet.student"), student == null ? "—" : student.fullName() + " (" + student.login() + ")"});
        fields.add(new String[]{w.t("gradeSheet.group"), exam.groupCode});
        fields.add(new String[]{w.t("gradeSheet.discipline"), exam.discipline});
        fields.add(new String[]{w.t("gradeSheet.period"), exam.academicPeriod});
        fields.add(new String[]{w.t("gradeSheet.kind"), w.label(exam.kind)});
        fields.add(new String[]{w.t("individualSheet.state"), w.label(e.state)});
        fields.add(new String[]{w.t("individualSheet.applied"), w.at(e.appliedAt)});
        fields.add(new String[]{w.t("individualSheet.order"), e.orderNumber == null ? "—"
                : w.t("individualSheet.orderValue", e.orderNumber, w.at(e.orderIssuedAt))});
        fields.add(new String[]{w.t("individualSheet.receivedOn"), w.date(e.receivedOn)});
        fields.add(new String[]{w.t("individualSheet.validThrough"), e.receivedOn == null ? "—" : w.date(e.sheet().validThrough())});
        p.fields(fields);

        p.heading(w.t("individualSheet.approvals"));
        List<List<String>> approvals = new ArrayList<>();
        approvals.add(approval(w, SheetSignatory.DEAN, e.deanSignedBy, e.deanSignedAt));
        approvals.add(approval(w, SheetSignatory.ACADEMIC_POLICY_DIRECTOR, e.policySignedBy, e.policySignedAt));
        approvals.add(approval(w, SheetSignatory.ACADEMIC_VICE_RECTOR, e.viceSignedBy, e.viceSignedAt));
        p.table(List.of(w.t("individualSheet.signatory"), w.t("individualSheet.name"), w.t("individualSheet.signedAt")), approvals, 2f, 2f, 1.3f);
        if (e.state == IndividualSheetState.REFUSED) {
            p.paragraph(w.t("individualSheet.refused", w.at(e.refusedAt), name(e.refusedBy),
                    e.refusalReason == null ? "—" : e.refusalReason));
        }

        p.heading(w.t("individualSheet.grade"));
        if (e.gradePercent == null) {
            p.paragraph(w.t("individualSheet.notGraded"));
        } else {
            LetterBand band = scale.gradeFor(e.gradePercent);
            p.table(List.of("%", w.t("gradeSheet.letter"), w.t("gradeSheet.gpa"), w.t("gradeSheet.mark"), w.t("individualSheet.gradedBy")),
                    List.of(List.of(w.decimal(e.gradePercent), band.letter(), w.decimal(band.gpa()),
                            w.t("gradeSheet.markValue." + band.traditionalMark()), w.t("common.atBy", w.at(e.gradedAt), name(e.gradedBy)))),
                    1f, 1f, 1f, 1.6f, 2.6f);
        }
        if (e.returnedOn != null) {
            p.paragraph(w.t(e.state == IndividualSheetState.RETURNED_LATE ? "individualSheet.returnedLate" : "individualSheet.returned",
                    w.date(e.returnedOn)));
        }
        if (e.aisRecordedAt != null) p.paragraph(w.t("individualSheet.recordedInAis", w.at(e.aisRecordedAt)));
        p.note(w.t("individualSheet.validity"));
        return p.signatureLines(w.signatories("individualSheet")).bytes();
    }

    private static List<String> approval(Wording w, SheetSignatory who, UUID by, Instant at) {
        return List.of(w.label(who), by == null ? "—" : name(by), at == null ? w.t("individualSheet.notYetSigned") : w.at(at));
    }

    private static String name(UUID id) {
        if (id == null) return "—";
        return People.find(id).map(People.Person::fullName).orElse("—");
    }
}
