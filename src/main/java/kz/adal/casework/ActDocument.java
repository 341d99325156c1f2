package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.People;
import kz.adal.oral.OralCatalog;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The act of technical failure (001 §6.15.6) as the commission signs it: in the language of the exam or
 * sitting, on the institution's letterhead, with the evidence, what happened, the votes and the decision.
 * Texts: documents bundle, {@code act.*}; signatories: the act's commission.
 */
@ApplicationScoped
public class ActDocument {
    private final OfficialDocuments documents;
    private final TimeSource time;
    private final ExamCatalog exams;
    private final OralCatalog oral;

    ActDocument(OfficialDocuments documents, TimeSource time, ExamCatalog exams, OralCatalog oral) {
        this.oral = oral;
        this.documents = documents;
        this.time = time;
        this.exams = exams;
    }

    /** The language the act is written in: its exam's language of instruction, or its sitting's. */
    String language(Act act) {
        return act.kind == Act.Kind.TEST ? language(act.examId, null) : language(null, act.sittingId);
    }

    /** The act's words in its own language: the drafted evidence is written in it (issue 15). */
    Wording wording(Act act) {
        return documents.wording(language(act), null);
    }

    /** Words in one reader's language (kk, ru or en; none: the institution's), for a page rather than a document. */
    Wording wordingFor(String reader) {
        return documents.wording(null, reader);
    }

    /** The language of instruction of a test's exam or of an oral sitting (appeals are written in it too). */
    String language(java.util.UUID examId, java.util.UUID sittingId) {
        if (examId != null) return exams.languageOf(examId);
        return sittingId == null ? null : oral.sitting(sittingId).map(OralCatalog.SittingRecord::language).orElse(null);
    }

    byte[] pdf(Act act, ActCommission c, String subject, ActDraft.Result evidence, String lang) {
        Wording w = documents.wording(language(act), lang);
        Set<UUID> ids = new HashSet<>(c.everyone());
        ids.add(act.studentId);
        ids.add(act.draftedBy);
        if (act.signedBy != null) ids.add(act.signedBy);
        if (act.decidedBy != null) ids.add(act.decidedBy);
        Map<UUID, String> names = names(ids);
        PdfDocument p = w.start("act", subject, time.today());
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{w.t("act.kind"), w.t("act.kind." + act.kind.name())});
        fields.add(new String[]{w.t("act.student"), names.getOrDefault(act.studentId, "—")});
        fields.add(new String[]{w.t("act.drafted"), w.t("common.atBy", w.at(act.draftedAt), names.getOrDefault(act.draftedBy, "—"))});
        fields.add(new String[]{w.t("act.signed"), act.signedAt == null ? w.t("act.notSigned")
                : w.t("common.atBy", w.at(act.signedAt), names.getOrDefault(act.signedBy, "—"))});
        fields.add(new String[]{w.t("act.timeLost"), w.duration(act.lostSeconds)});
        if (act.decision != null) {
            fields.add(new String[]{w.t("act.decision"), w.t("act.choice." + act.decision)
                    + (act.creditedSeconds == null ? "" : "; " + w.t("act.credited", w.duration(act.creditedSeconds)))
                    + " (" + w.t("common.atBy", w.at(act.decidedAt), names.getOrDefault(act.decidedBy, "—")) + ")"
                    + (act.decisionReason == null ? "" : " — " + act.decisionReason)});
        }
        p.fields(fields);
        p.heading(w.t("act.evidence"));
        ActEvidenceText.lines(evidence, w).forEach(p::paragraph);
        p.heading(w.t("act.whatHappened"));
        p.paragraph(act.whatHappened == null ? "—" : act.whatHappened);
        if (act.effect != null && !act.effect.isBlank()) p.heading(w.t("act.effect")).paragraph(act.effect);
        if (act.measures != null && !act.measures.isBlank()) p.heading(w.t("act.measures")).paragraph(act.measures);
        List<ActVote> cast = ActVote.of(act.id);
        if (!cast.isEmpty()) {
            p.heading(w.t("act.votes"));
            p.table(List.of(w.t("act.member"), w.t("act.vote"), w.t("act.comment"), w.t("act.at")), cast.stream()
                    .map(v -> List.of(names.getOrDefault(v.key.voterId, "—"), w.t("act.choice." + v.choice),
                            v.comment == null ? "" : v.comment, w.at(v.castAt))).toList(), 3, 2, 4, 2);
        }
        p.signatureLines(c.everyone().stream().map(u -> w.t("act.seat." + c.seats().get(u)) + ": " + names.getOrDefault(u, "—")).toList());
        return p.bytes();
    }

    private static Map<UUID, String> names(Set<UUID> ids) {
        ids.remove(null);
        if (ids.isEmpty()) return Map.of();
        return People.names(ids);
    }
}
