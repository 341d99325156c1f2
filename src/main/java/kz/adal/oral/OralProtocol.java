package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.Actor;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * grade and incidents. English labels with the Kazakh term where one exists.
 */
@ApplicationScoped
public class OralProtocol {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeSource.ZONE);
    private final OralSittings service;
    private final AuditTrail audit;
    private final kz.adal.media.RecordingService recordings;

    OralProtocol(OralSittings service, AuditTrail audit, kz.adal.media.RecordingService recordings) {
        this.recordings = recordings;
        this.service = service;
        this.audit = audit;
    }

    @Transactional
    public byte[] pdf(Actor actor, UUID sittingId) {
        OralSitting s = service.sitting(sittingId);
        service.requireStaff(actor, s);
        List<OralTurn> turns = OralTurn.of(sittingId);
        Set<UUID> ids = new HashSet<>();
        s.commission.forEach(c -> ids.add(c.userId));
        ids.add(s.headId);
        turns.forEach(t -> ids.add(t.studentId));
        Map<UUID, String> names = service.names(ids);
        Map<Integer, OralTicket> tickets = OralTicket.of(sittingId).stream().collect(Collectors.toMap(x -> x.number, x -> x));

        PdfDocument pdf = PdfDocument.create("Protocol of the oral complex exam (Хаттама) — " + s.title);
        pdf.fields(List.of(
                new String[]{"Emergency basis", s.emergencyBasis},
                new String[]{"Level / form", "Bachelor; final attestation, complex exam held orally by video, synchronous (001 §6.15, §6.15.6)"},
                new String[]{"Date", s.sittingDate.toString() + " (times in " + ZoneId.of(TimeSource.ZONE.getId()) + ")"},
                new String[]{"Programme", s.programme},
                new String[]{"Language", s.language},
                new String[]{"Head of department (draw)", names.get(s.headId)},
                new String[]{"Preparation / answer", "up to " + s.preparationMinutes + " min / up to " + s.answerMinutes + " min"},
                new String[]{"Tickets drawn earlier may come again", s.allowRepeatTickets ? "yes" : "no"},
                new String[]{"Tickets in the bank", String.valueOf(tickets.size())},
                new String[]{"Final-grade rule", service.config().finalGradeRule().name()
                        + ", rounded half-up; the chair's grade decides an even split across two letters"},
                new String[]{"Results published", s.publishedAt == null ? "not yet" : at(s.publishedAt)},
                new String[]{"Recording", "each student's camera with the room's mixed audio (the student's microphone and the commission's"
                        + " voices) through Adal's recording pipeline; played back by the sitting's commission and the student"
                        + (s.jitsiRecordingUrl == null ? "" : "; the Jitsi room's recording: " + s.jitsiRecordingUrl)}));
        pdf.heading("Attestation commission");
        pdf.table(List.of("Role", "Name"), s.commission.stream()
                .map(c -> List.of(role(c.role), names.getOrDefault(c.userId, c.userId.toString()))).toList(), 1f, 3f);

        pdf.heading("Summary");
        List<List<String>> summary = new ArrayList<>();
        for (OralTurn t : turns) {
            summary.add(List.of(String.valueOf(t.position), names.get(t.studentId), t.ticketNumber == null ? "—" : String.valueOf(t.ticketNumber),
                    t.finalPoints == null ? "—" : String.valueOf(t.finalPoints), grade(t), t.stage.name()));
        }
        pdf.table(List.of("№", "Student", "Ticket", "Points", "Letter", "Stage"), summary, 0.4f, 3f, 0.8f, 0.8f, 0.8f, 1.5f);

        for (OralTurn t : turns) {
            pdf.heading(t.position + ". " + names.get(t.studentId) + (t.resitOf == null ? "" : " (re-sit after a technical failure)"));
            List<String[]> f = new ArrayList<>();
            f.add(new String[]{"Identity document", t.idDocumentChecked ? "checked: " + nz(t.idDocument) : "not checked"});
            f.add(new String[]{"Face comparison", t.faceVerdict == null ? "not available (ID document checked by the secretary)" : t.faceVerdict});
            f.add(new String[]{"Desk and room checklist", service.checklist(t.roomChecklist).entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getValue() ? "yes" : "NO")).collect(Collectors.joining("; "))});
            f.add(new String[]{"Snapshots kept", String.valueOf(OralSnapshot.count("turnId", t.id))});
            f.add(new String[]{"Check result", t.checkPassed == null ? "—" : (t.checkPassed ? "passed" : "failed") + " at " + at(t.checkedAt)
                    + (t.checkNote == null ? "" : "; " + t.checkNote)});
            f.add(new String[]{"Commitment SHA-256", nz(t.commitment)});
            f.add(new String[]{"Seed (revealed)", t.isDrawn() ? t.seedHex : "not revealed (no draw)"});
            f.add(new String[]{"Drawn from tickets", t.isDrawn() ? t.availableTickets + " (n = " + t.available().size() + ")" : "—"});
            f.add(new String[]{"Draw verification data", "sitting id " + s.id + "; student id " + t.studentId
                    + (t.isDrawn() ? "; commitment " + t.commitment + "; seed " + t.seedHex + "; ticket count " + t.available().size()
                    + "; ticket № " + t.ticketNumber : "; no draw yet")});
            f.add(new String[]{"Ticket", t.ticketNumber == null ? "—" : "№ " + t.ticketNumber + " at " + at(t.drawnAt)});
            if (t.ticketNumber != null && tickets.containsKey(t.ticketNumber)) {
                List<String> q = tickets.get(t.ticketNumber).questions;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < q.size(); i++) sb.append(i + 1).append(". ").append(q.get(i)).append('\n');
                f.add(new String[]{"Questions", sb.toString().strip()});
            }
            if (t.excludedTickets != null) f.add(new String[]{"Excluded (seen before)", t.excludedTickets});
            f.add(new String[]{"Preparation", at(t.prepStartedAt) + " → " + at(t.prepEndedAt) + " (limit " + at(t.prepDeadline) + ")"});
            f.add(new String[]{"Answer", at(t.answerStartedAt) + " → " + at(t.answerEndedAt) + " (limit " + at(t.answerDeadline) + ")"});
            if (t.linkLostSeconds > 0 || t.linkLostAt != null || t.answerPausedAt != null) {
                f.add(new String[]{"Link during the answer", "outages " + t.linkLostSeconds + " s in total"
                        + (t.linkLostAt != null ? "; lost since " + at(t.linkLostAt) : "")
                        + (t.answerPausedAt != null ? "; answer paused at " + at(t.answerPausedAt) : "")});
            }
            f.add(new String[]{"Final grade", t.finalPoints == null ? grade(t) : t.finalPoints + " points, " + t.finalLetter + " — " + t.finalRule});
            if (t.failureAt != null) {
                f.add(new String[]{"Technical failure", at(t.failureAt) + ": " + t.failureNote + "; grade I due " + t.incompleteDue});
            }
            f.add(new String[]{"Told about the recording", t.recordingNoticeAt == null ? "not acknowledged — not recorded"
                    : "acknowledged by the student at " + at(t.recordingNoticeAt)});
            f.addAll(recordingRows(t));
            pdf.fields(f);
            List<OralGrade> grades = OralGrade.of(t.id);
            boolean allIn = grades.stream().map(g -> g.memberId).collect(Collectors.toSet()).containsAll(s.graders());
            if (allIn) {
                Map<UUID, OralGrade> by = grades.stream().collect(Collectors.toMap(g -> g.memberId, g -> g));
                pdf.table(List.of("Member", "Points", "Given at"), s.graders().stream()
                        .map(id -> List.of(names.get(id), String.valueOf(by.get(id).points), at(by.get(id).gradedAt))).toList(), 3f, 1f, 2f);
            } else if (!grades.isEmpty()) {
                pdf.note(grades.size() + " of " + s.graders().size() + " members have graded; grades are shown once all are in.");
            }
        }

        pdf.heading("Connected to the room (who, when)");
        Map<UUID, String> roles = new java.util.HashMap<>();
        s.commission.forEach(c -> roles.put(c.userId, role(c.role)));
        roles.put(s.headId, "Head of department");
        turns.forEach(t -> roles.putIfAbsent(t.studentId, "Student"));
        List<OralPresence> presence = OralPresence.of(sittingId);
        pdf.table(List.of("Name", "Role", "Connected", "Disconnected"), presence.stream().map(p -> List.of(
                names.getOrDefault(p.userId, p.userId.toString()), roles.getOrDefault(p.userId, ""), at(p.joinedAt),
                p.leftAt == null ? "still connected" : at(p.leftAt))).toList(), 2.5f, 2f, 1.6f, 1.6f);

        pdf.heading("Events and incidents");
        pdf.table(List.of("Time", "Student", "Event", "By", "Detail"), OralEvent.of(sittingId).stream().map(e -> List.of(at(e.at),
                e.turnId == null ? "" : turns.stream().filter(t -> t.id.equals(e.turnId)).findFirst().map(t -> names.get(t.studentId)).orElse(""),
                e.kind, nz(e.actorLogin), nz(e.detail))).toList(), 1.3f, 1.5f, 2.3f, 0.9f, 2.6f);
        pdf.note("Verify a draw: SHA-256(seed + \":\" + sittingId + \":\" + studentId) must equal the commitment; the ticket index is "
                + "the first k with x = first 4 bytes of SHA-256(seed + \":\" + k) below 2^32 − (2^32 mod n), index = x mod n over the "
                + "sorted list above (docs/oral-exam.md). Sitting id: " + s.id);
        List<String> sign = new ArrayList<>();
        s.commission.forEach(c -> sign.add(role(c.role) + ": " + names.get(c.userId)));
        pdf.signatureLines(sign);
        audit.record(Change.of("oral.protocol.printed", "oral-sitting", s.id).scope(s.id));
        return pdf.bytes();
    }

    private static String role(CommissionRole r) {
        return switch (r) {
            case CHAIR -> "Chair (төраға)";
            case MEMBER -> "Member (мүше)";
            case SECRETARY -> "Technical secretary (техникалық хатшы)";
        };
    }

    private String grade(OralTurn t) {
        if (t.failureAt != null) return "I (due " + t.incompleteDue + ")";
        return t.finalLetter == null ? "—" : t.finalLetter;
    }

    private static String at(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    /** One row per recorded track: state, length, segments, chunks and every gap with its reason (issue 8). */
    private List<String[]> recordingRows(OralTurn t) {
        List<String[]> rows = new ArrayList<>();
        for (kz.adal.media.RecordingService.TrackSummary r : recordings.summaries(OralTurnRecordingOwner.KIND, t.id)) {
            StringBuilder b = new StringBuilder(r.state().name());
            if (r.durationSeconds() != null) b.append(", ").append(duration(r.durationSeconds()));
            b.append(", ").append(r.segments() == null ? 0 : r.segments()).append(" segment(s), ").append(r.chunks()).append(" chunk(s), ")
                    .append(r.bytes() / 1024).append(" KB");
            if (r.mediaZeroAt() != null) b.append(", starts ").append(at(r.mediaZeroAt()));
            if (r.state() == kz.adal.media.TrackState.FINALISED) {
                b.append(r.gaps().isEmpty() ? "; gaps: none" : "; gaps: " + r.gaps().stream()
                        .map(g -> g.cause() + " " + duration(g.fromSeconds()) + "–" + duration(g.toSeconds())).collect(Collectors.joining(", ")));
            }
            if (r.error() != null) b.append("; ").append(r.error());
            rows.add(new String[]{"Recording: " + r.kind().name().toLowerCase(java.util.Locale.ROOT), b.toString()});
        }
        if (rows.isEmpty()) rows.add(new String[]{"Recording", "no chunks received"});
        return rows;
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
