package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.Actor;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The sitting's protocol (001 §6.15.6): basis, commission, the re-draw setting and, per student, the
 * check, the draw's commitment and seed, the ticket, stage times, every member's grade, the final
 * grade and incidents. In the sitting's language (or the one asked for); texts: documents bundle,
 * {@code oralProtocol.*}.
 */
@ApplicationScoped
public class OralProtocol {
    private final OralSittings service;
    private final OfficialDocuments documents;
    private final TimeSource time;
    private final AuditTrail audit;
    private final kz.adal.media.RecordingService recordings;

    OralProtocol(OralSittings service, AuditTrail audit, kz.adal.media.RecordingService recordings, OfficialDocuments documents,
                 TimeSource time) {
        this.documents = documents;
        this.time = time;
        this.recordings = recordings;
        this.service = service;
        this.audit = audit;
    }

    @Transactional
    public byte[] pdf(Actor actor, UUID sittingId, String lang) {
        OralSitting s = service.sitting(sittingId);
        service.requireStaff(actor, s);
        Wording w = documents.wording(s.language, lang);
        List<OralTurn> turns = OralTurn.of(sittingId);
        Set<UUID> ids = new HashSet<>();
        s.commission.forEach(c -> ids.add(c.userId));
        ids.add(s.headId);
        turns.forEach(t -> ids.add(t.studentId));
        Map<UUID, String> names = service.names(ids);
        Map<Integer, OralTicket> tickets = OralTicket.of(sittingId).stream().collect(Collectors.toMap(x -> x.number, x -> x));

        PdfDocument pdf = w.start("oralProtocol", s.title, time.today());
        pdf.fields(List.of(
                new String[]{w.t("oralProtocol.basis"), nz(s.emergencyBasis)},
                new String[]{w.t("oralProtocol.levelForm"), w.t("oralProtocol.levelFormValue")},
                new String[]{w.t("oralProtocol.date"), w.date(s.sittingDate)},
                new String[]{w.t("oralProtocol.programme"), nz(s.programme)},
                new String[]{w.t("oralProtocol.language"), w.t("language." + s.language)},
                new String[]{w.t("oralProtocol.head"), nz(names.get(s.headId))},
                new String[]{w.t("oralProtocol.times"), w.t("oralProtocol.timesValue", s.preparationMinutes, s.answerMinutes)},
                new String[]{w.t("oralProtocol.repeatTickets"), w.yesNo(s.allowRepeatTickets)},
                new String[]{w.t("oralProtocol.ticketCount"), String.valueOf(tickets.size())},
                new String[]{w.t("oralProtocol.finalRule"), w.t("oralProtocol.finalRule." + service.config().finalGradeRule().name())},
                new String[]{w.t("oralProtocol.published"), s.publishedAt == null ? w.t("oralProtocol.notYet") : w.at(s.publishedAt)},
                new String[]{w.t("oralProtocol.recording"), w.t("oralProtocol.recordingValue")
                        + (s.jitsiRecordingUrl == null ? "" : "; " + w.t("oralProtocol.jitsiRecording", s.jitsiRecordingUrl))}));
        pdf.heading(w.t("oralProtocol.commission"));
        pdf.table(List.of(w.t("oralProtocol.role"), w.t("oralProtocol.name")), s.commission.stream()
                .map(c -> List.of(w.label(c.role), names.getOrDefault(c.userId, "—"))).toList(), 1f, 3f);

        pdf.heading(w.t("oralProtocol.summary"));
        List<List<String>> summary = new ArrayList<>();
        for (OralTurn t : turns) {
            summary.add(List.of(String.valueOf(t.position), nz(names.get(t.studentId)), t.ticketNumber == null ? "—" : String.valueOf(t.ticketNumber),
                    t.finalPoints == null ? "—" : String.valueOf(t.finalPoints), grade(w, t), w.label(t.stage)));
        }
        pdf.table(List.of(w.t("common.number"), w.t("oralProtocol.student"), w.t("oralProtocol.ticket"), w.t("oralProtocol.points"),
                w.t("oralProtocol.letter"), w.t("oralProtocol.stage")), summary, 0.4f, 3f, 0.8f, 0.8f, 0.8f, 1.5f);

        for (OralTurn t : turns) {
            pdf.heading(t.position + ". " + nz(names.get(t.studentId)) + (t.resitOf == null ? "" : " (" + w.t("oralProtocol.resit") + ")"));
            List<String[]> f = new ArrayList<>();
            f.add(new String[]{w.t("oralProtocol.idDocument"), t.idDocumentChecked ? w.t("oralProtocol.checked", nz(t.idDocument)) : w.t("oralProtocol.notChecked")});
            if (t.faceVerdict != null) f.add(new String[]{w.t("oralProtocol.face"), t.faceVerdict});
            f.add(new String[]{w.t("oralProtocol.checklist"), service.checklist(t.roomChecklist).entrySet().stream()
                    .map(e -> w.t("oralProtocol.checklist." + e.getKey()) + ": " + w.yesNo(e.getValue())).collect(Collectors.joining("\n"))});
            f.add(new String[]{w.t("oralProtocol.snapshots"), String.valueOf(OralSnapshot.count("turnId", t.id))});
            f.add(new String[]{w.t("oralProtocol.checkResult"), t.checkPassed == null ? "—"
                    : w.t(t.checkPassed ? "oralProtocol.passed" : "oralProtocol.failed") + ", " + w.at(t.checkedAt)
                    + (t.checkNote == null ? "" : "; " + t.checkNote)});
            if (t.isDrawn()) {
                f.add(new String[]{w.t("oralProtocol.draw"), w.t("oralProtocol.drawValue", t.availableTickets, String.valueOf(t.available().size()))});
                // everything a reader needs to re-check the draw from the document alone (issue 14), printed once
                f.add(new String[]{w.t("oralProtocol.drawData"), w.t("oralProtocol.drawDataValue", s.id.toString(), t.studentId.toString(),
                        t.commitment, t.seedHex, String.valueOf(t.available().size()), String.valueOf(t.ticketNumber))});
            } else {
                f.add(new String[]{w.t("oralProtocol.commitment"), nz(t.commitment)});
                f.add(new String[]{w.t("oralProtocol.draw"), w.t("oralProtocol.noDraw")});
            }
            f.add(new String[]{w.t("oralProtocol.ticket"), t.ticketNumber == null ? "—" : "№ " + t.ticketNumber + ", " + w.at(t.drawnAt)});
            if (t.ticketNumber != null && tickets.containsKey(t.ticketNumber)) {
                List<String> q = tickets.get(t.ticketNumber).questions;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < q.size(); i++) sb.append(i + 1).append(". ").append(q.get(i)).append('\n');
                f.add(new String[]{w.t("oralProtocol.questions"), sb.toString().strip()});
            }
            if (t.excludedTickets != null) f.add(new String[]{w.t("oralProtocol.excluded"), t.excludedTickets});
            f.add(new String[]{w.t("oralProtocol.preparation"), w.t("oralProtocol.stageTimes", time(t.prepStartedAt), time(t.prepEndedAt), time(t.prepDeadline))});
            f.add(new String[]{w.t("oralProtocol.answer"), w.t("oralProtocol.stageTimes", time(t.answerStartedAt), time(t.answerEndedAt), time(t.answerDeadline))});
            if (t.linkLostSeconds > 0 || t.linkLostAt != null || t.answerPausedAt != null) {
                f.add(new String[]{w.t("oralProtocol.link"), w.t("oralProtocol.linkOutages", String.valueOf(t.linkLostSeconds))
                        + (t.linkLostAt != null ? "; " + w.t("oralProtocol.linkLostSince", time(t.linkLostAt)) : "")
                        + (t.answerPausedAt != null ? "; " + w.t("oralProtocol.answerPausedAt", time(t.answerPausedAt)) : "")});
            }
            f.add(new String[]{w.t("oralProtocol.finalGrade"), t.finalPoints == null ? grade(w, t)
                    : w.t("oralProtocol.finalGradeValue", String.valueOf(t.finalPoints), t.finalLetter) + finalRule(w, t.finalRule)});
            if (t.failureAt != null) {
                f.add(new String[]{w.t("oralProtocol.technicalFailure"), w.at(t.failureAt) + ": " + nz(t.failureNote) + "; "
                        + w.t("oralProtocol.incompleteDue", w.date(t.incompleteDue))});
            }
            f.add(new String[]{w.t("oralProtocol.recordingNotice"), t.recordingNoticeAt == null ? w.t("oralProtocol.noticeMissing")
                    : w.t("oralProtocol.noticeAcknowledged", w.at(t.recordingNoticeAt))});
            f.addAll(recordingRows(w, t));
            pdf.fields(f);
            List<OralGrade> grades = OralGrade.of(t.id);
            boolean allIn = grades.stream().map(g -> g.memberId).collect(Collectors.toSet()).containsAll(s.graders());
            if (allIn) {
                Map<UUID, OralGrade> by = grades.stream().collect(Collectors.toMap(g -> g.memberId, g -> g));
                pdf.table(List.of(w.t("oralProtocol.member"), w.t("oralProtocol.points"), w.t("oralProtocol.givenAt")), s.graders().stream()
                        .map(id -> List.of(nz(names.get(id)), String.valueOf(by.get(id).points), time(by.get(id).gradedAt))).toList(), 3f, 1f, 2f);
            } else if (!grades.isEmpty()) {
                pdf.note(w.t("oralProtocol.gradesPending", grades.size(), s.graders().size()));
            }
        }

        pdf.heading(w.t("oralProtocol.presence"));
        Map<UUID, String> roles = new java.util.HashMap<>();
        s.commission.forEach(c -> roles.put(c.userId, w.label(c.role)));
        roles.put(s.headId, w.t("oralProtocol.headRole"));
        turns.forEach(t -> roles.putIfAbsent(t.studentId, w.t("oralProtocol.studentRole")));
        List<OralPresence> presence = OralPresence.of(sittingId);
        pdf.table(List.of(w.t("oralProtocol.name"), w.t("oralProtocol.role"), w.t("oralProtocol.connected"), w.t("oralProtocol.disconnected")),
                presence.stream().map(p -> List.of(names.getOrDefault(p.userId, "—"), roles.getOrDefault(p.userId, ""), w.at(p.joinedAt),
                        p.leftAt == null ? w.t("oralProtocol.stillConnected") : w.at(p.leftAt))).toList(), 2.5f, 2f, 1.6f, 1.6f);

        pdf.heading(w.t("oralProtocol.events"));
        // the event's detail is the server's own note in English; a kk/ru protocol names the event and who, the
        // per-student part above already carries the facts (times, grades, failures) in the document's language
        boolean english = "en".equals(w.language());
        pdf.table(english ? List.of(w.t("oralProtocol.time"), w.t("oralProtocol.student"), w.t("oralProtocol.event"), w.t("oralProtocol.by"), "Detail")
                        : List.of(w.t("oralProtocol.time"), w.t("oralProtocol.student"), w.t("oralProtocol.event"), w.t("oralProtocol.by")),
                OralEvent.of(sittingId).stream().map(e -> {
                    List<String> row = new ArrayList<>(List.of(w.at(e.at),
                            e.turnId == null ? "" : turns.stream().filter(t -> t.id.equals(e.turnId)).findFirst().map(t -> nz(names.get(t.studentId))).orElse(""),
                            event(w, e.kind), by(w, e.actorLogin)));
                    if (english) row.add(e.detail == null ? "" : e.detail);
                    return row;
                }).toList(), english ? new float[]{1.3f, 1.5f, 2.3f, 0.9f, 2.6f} : new float[]{1.3f, 2f, 2.6f, 1.2f});
        pdf.note(w.t("oralProtocol.verify", s.id.toString()));
        List<String> sign = new ArrayList<>();
        s.commission.forEach(c -> sign.add(w.label(c.role) + ": " + nz(names.get(c.userId))));
        pdf.signatureLines(sign);
        audit.record(Change.of("oral.protocol.printed", "oral-sitting", s.id).scope(s.id));
        return pdf.bytes();
    }

    private static String event(Wording w, String kind) {
        String key = "oralProtocol.event." + kind;
        String s = w.t(key);
        return s.equals(key) ? w.t("oralProtocol.event.OTHER") : s;
    }

    /** The stored explanation ("mean of [70, 80] = 75 → 75", "split …: the chair's grade 80 decides") in the document's words. */
    static String finalRule(Wording w, String explanation) {
        if (explanation == null) return "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(mean|median) of \\[([0-9, ]*)\\] = ([0-9.]+) → ([0-9]+)$").matcher(explanation);
        if (m.matches()) {
            return " — " + w.t("oralProtocol.rule." + m.group(1), m.group(2), w.decimal(new java.math.BigDecimal(m.group(3))), m.group(4));
        }
        java.util.regex.Matcher split = java.util.regex.Pattern.compile(".*the chair's grade ([0-9]+) decides$").matcher(explanation);
        if (split.matches()) return " — " + w.t("oralProtocol.rule.split", split.group(1));
        return "";
    }

    private String grade(Wording w, OralTurn t) {
        if (t.failureAt != null) return w.t("oralProtocol.incomplete", w.date(t.incompleteDue));
        return t.finalLetter == null ? "—" : t.finalLetter;
    }

    /** A stage's moment to the second: the protocol times each stage (001 §6.15.6). */
    private static String time(Instant i) {
        return i == null ? "—" : kz.adal.platform.DocumentDates.compactSeconds(i);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    /** One row per recorded track: state, length, segments, chunks and every gap with its reason (issue 8). */
    private List<String[]> recordingRows(Wording w, OralTurn t) {
        List<String[]> rows = new ArrayList<>();
        for (kz.adal.media.RecordingService.TrackSummary r : recordings.summaries(OralTurnRecordingOwner.KIND, t.id)) {
            StringBuilder b = new StringBuilder(w.label(r.state()));
            if (r.durationSeconds() != null) b.append(", ").append(duration(r.durationSeconds()));
            b.append(", ").append(w.t("oralProtocol.trackParts", r.segments() == null ? 0 : r.segments(), r.chunks(), r.bytes() / 1024));
            if (r.mediaZeroAt() != null) b.append(", ").append(w.t("oralProtocol.trackStarts", time(r.mediaZeroAt())));
            if (r.state() == kz.adal.media.TrackState.FINALISED) {
                b.append("; ").append(r.gaps().isEmpty() ? w.t("oralProtocol.noGaps") : w.t("oralProtocol.gaps", r.gaps().stream()
                        .map(g -> w.t("oralProtocol.gap." + g.cause()) + " " + duration(g.fromSeconds()) + "–" + duration(g.toSeconds()))
                        .collect(Collectors.joining(", "))));
            }
            if (r.error() != null && "en".equals(w.language())) b.append("; ").append(r.error());
            rows.add(new String[]{w.t("oralProtocol.recordingOf", w.label(r.kind())), b.toString()});
        }
        if (rows.isEmpty()) rows.add(new String[]{w.t("oralProtocol.recordingTitle"), w.t("oralProtocol.noChunks")});
        return rows;
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format("%d:%02d", s / 60, s % 60);
    }

    /** Who recorded an event: a person's login, or the server itself (a timer, the grade rule) in the document's words. */
    private static String by(Wording w, String login) {
        if (login == null) return "";
        return "system".equals(login) ? w.t("oralProtocol.bySystem") : login;
    }
}
