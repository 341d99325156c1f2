package kz.adal.exam.sheet;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.exam.ExamSheets.SheetExam;
import kz.adal.exam.sheet.GradeSheetService.GradeRow;
import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScale;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The grade sheet (001 §5.28) as the department signs it: in the exam's language of instruction, on the
 * institution's letterhead, with the letter scale as a table. Texts: documents bundle, {@code gradeSheet.*}.
 */
@ApplicationScoped
public class GradeSheetDocument {
    private final OfficialDocuments documents;
    private final TimeSource time;

    GradeSheetDocument(OfficialDocuments documents, TimeSource time) {
        this.documents = documents;
        this.time = time;
    }

    byte[] pdf(SheetExam exam, List<GradeRow> rows, LetterScale scale, String lang) {
        Wording w = documents.wording(exam.language(), lang);
        List<List<String>> table = new ArrayList<>();
        int n = 0;
        for (GradeRow r : rows) {
            table.add(List.of(String.valueOf(++n), r.fullName() + " (" + r.login() + ")", state(w, r.state()), number(w, r.percent()),
                    text(r.letter()), gpa(w, r.gpa()), text(r.traditionalMark())));
        }
        PdfDocument pdf = w.start("gradeSheet", exam.title(), time.today())
                .fields(List.of(new String[]{w.t("gradeSheet.discipline"), exam.discipline()},
                        new String[]{w.t("gradeSheet.group"), exam.groupCode()},
                        new String[]{w.t("gradeSheet.period"), exam.academicPeriod()},
                        new String[]{w.t("gradeSheet.kind"), w.label(exam.kind())},
                        new String[]{w.t("gradeSheet.window"), w.at(exam.opensAt()) + " – " + w.at(exam.closesAt())},
                        new String[]{w.t("gradeSheet.questionsMinutes"), exam.questionCount() + " / " + exam.durationMinutes()}))
                .table(List.of(w.t("common.number"), w.t("gradeSheet.student"), w.t("gradeSheet.state"), "%", w.t("gradeSheet.letter"),
                        w.t("gradeSheet.gpa"), w.t("gradeSheet.mark")), table, 0.5f, 3f, 1.6f, 0.9f, 0.9f, 0.8f, 1.2f)
                .note(w.t("gradeSheet.notFinal"))
                .heading(w.t("gradeSheet.scale"));
        scaleTable(pdf, w, scale);
        return pdf.signatureLines(w.signatories("gradeSheet")).bytes();
    }

    /** The institution's letter scale as a table: letter, percentage range, grade points, traditional mark. */
    static void scaleTable(PdfDocument pdf, Wording w, LetterScale scale) {
        List<LetterBand> bands = scale.bands();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            LetterBand b = bands.get(i);
            String upper = i == 0 ? "100" : number(w, bands.get(i - 1).minPercent().subtract(new BigDecimal("0.01")));
            rows.add(List.of(b.letter(), number(w, b.minPercent()) + " – " + upper, gpa(w, b.gpa()),
                    w.t("gradeSheet.markValue." + b.traditionalMark())));
        }
        pdf.table(List.of(w.t("gradeSheet.letter"), w.t("gradeSheet.percentRange"), w.t("gradeSheet.gpa"), w.t("gradeSheet.mark")),
                rows, 1f, 1.6f, 1f, 2f);
    }

    private static String state(Wording w, String state) {
        if (state == null) return "—";
        return w.label((GradeRowState.isOne(state) ? "GradeRowState." : "AttemptState.") + state);
    }

    /** Grade points as the scale writes them (4,0; 3,67). */
    private static String gpa(Wording w, BigDecimal v) {
        if (v == null) return "—";
        String s = v.scale() < 1 ? v.setScale(1).toPlainString() : v.toPlainString();
        return "en".equals(w.language()) ? s : s.replace('.', ',');
    }

    private static String number(Wording w, BigDecimal v) {
        return w.decimal(v);
    }

    private static String text(Object v) {
        return v == null ? "—" : v.toString();
    }
}
