package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.grading.IncompleteGrade;
import kz.adal.grading.LetterBand;
import kz.adal.identity.Actor;
import kz.adal.identity.Role;
import kz.adal.oral.room.OralRoomBus;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the oral pages and the room's socket read: the caller's roles in a sitting, their sittings, who may join the
 * video, and the room as this viewer may see it (checks, grades and failures only for the staff).
 */
@ApplicationScoped
public class OralRoomQueries {
    private final OralConfig config;
    private final TimeSource time;
    private final OralRoomBus bus;
    private final OralSittings sittings;

    OralRoomQueries(OralConfig config, TimeSource time, OralRoomBus bus, OralSittings sittings) {
        this.config = config;
        this.time = time;
        this.bus = bus;
        this.sittings = sittings;
    }

    /** The caller's roles in the sitting; empty when not in it (the socket refuses them). */
    @Transactional
    public Set<SittingRole> rolesIn(UUID sittingId, UUID userId) {
        OralSitting s = OralSitting.findById(sittingId);
        if (s == null) throw Problem.notFound("Sitting");
        return s.rolesOf(userId, OralTurn.count("sittingId = ?1 and studentId = ?2", sittingId, userId) > 0);
    }

    @Transactional
    public List<OralViews.SittingSummary> mine(Actor actor) {
        boolean all = actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.DEAN) || actor.has(Role.HEAD_OF_DEPARTMENT);
        Set<UUID> asStudent = OralTurn.<OralTurn>list("studentId", actor.id()).stream().map(t -> t.sittingId).collect(Collectors.toSet());
        List<OralViews.SittingSummary> out = new ArrayList<>();
        for (OralSitting s : OralSitting.<OralSitting>list("order by sittingDate desc, createdAt desc")) {
            Set<SittingRole> roles = s.rolesOf(actor.id(), asStudent.contains(s.id));
            if (roles.isEmpty() && !all) continue;
            out.add(new OralViews.SittingSummary(s.id, s.title, s.sittingDate, s.programme, s.language, roles,
                    (int) OralTurn.count("sittingId", s.id)));
        }
        return out;
    }

    /** Whether the secretary may ask a student's page for this kind of snapshot (identity, desk or room). */
    public static boolean isSnapshotKind(String kind) {
        return java.util.Arrays.stream(OralSnapshot.Kind.values()).anyMatch(k -> k.name().equals(kind));
    }

    /** The staff of the sitting always join the video; a student only while their own turn is the current one. */
    @Transactional
    public boolean mayJoinVideo(UUID sittingId, UUID userId) {
        OralSitting s = sittings.sitting(sittingId);
        if (s.commissionRole(userId).isPresent() || userId.equals(s.headId)) return true;
        List<OralTurn> turns = OralTurn.of(sittingId);
        return turns.stream().filter(t -> t.stage.isActive()).findFirst()
                .or(() -> turns.stream().filter(t -> t.stage == TurnStage.WAITING).findFirst())
                .map(t -> t.studentId.equals(userId)).orElse(false);
    }

    /** The room as this viewer may see it. */
    @Transactional
    public OralViews.Room room(Actor actor, UUID sittingId) {
        return room(actor, sittingId, actor.has(Role.SYSTEM_ADMIN));
    }

    /** The sitting as its creator sees it right after setting it up (a dean who set it up need not be in it). */
    @Transactional
    public OralViews.Room created(Actor actor, UUID sittingId) {
        return room(actor, sittingId, true);
    }

    private OralViews.Room room(Actor actor, UUID sittingId, boolean mayObserve) {
        OralSitting s = sittings.sitting(sittingId);
        List<OralTurn> turns = OralTurn.of(sittingId);
        boolean student = turns.stream().anyMatch(t -> t.studentId.equals(actor.id()));
        Set<SittingRole> roles = s.rolesOf(actor.id(), student);
        // the room is the commission's, the head's and the admitted students' (001 §6.15.2, §6.15.6): a dean who set the
        // sitting up is not a participant; only the administrator may look in (support)
        boolean observer = mayObserve;
        if (roles.isEmpty() && !observer) {
            throw new Problem(403, "ORAL_NOT_A_PARTICIPANT", "You are not a participant of this sitting: only its commission, "
                    + "the head of department who runs the draw and the admitted students enter the room");
        }
        boolean staff = roles.stream().anyMatch(r -> r != SittingRole.STUDENT) || observer;
        Set<UUID> present = bus.present(sittingId);
        Set<UUID> ids = new HashSet<>();
        s.commission.forEach(c -> ids.add(c.userId));
        ids.add(s.headId);
        turns.forEach(t -> ids.add(t.studentId));
        Map<UUID, String> names = sittings.names(ids);
        List<OralViews.Person> commission = s.commission.stream()
                .sorted((a, b) -> Integer.compare(a.role.ordinal(), b.role.ordinal()))
                .map(c -> new OralViews.Person(c.userId, names.get(c.userId), c.role.name(), present.contains(c.userId))).toList();
        OralViews.Person head = new OralViews.Person(s.headId, names.get(s.headId), SittingRole.HEAD.name(), present.contains(s.headId));
        List<OralTurn> visible = staff ? turns : turns.stream().filter(t -> t.studentId.equals(actor.id())).toList();
        List<OralViews.Person> students = visible.stream().map(t -> t.studentId).distinct()
                .map(id -> new OralViews.Person(id, names.get(id), SittingRole.STUDENT.name(), present.contains(id))).toList();
        Map<Integer, OralTicket> tickets = OralTicket.of(sittingId).stream().collect(Collectors.toMap(x -> x.number, x -> x));
        List<OralViews.Turn> turnViews = new ArrayList<>();
        for (OralTurn t : visible) turnViews.add(turnView(s, t, actor, staff, names, present, tickets));
        // the current student: the first one under way, else the next one waiting, else the last one seen
        // (so the grades and the result stay on screen); a student sees their own
        List<OralTurn> pool = staff ? turns : visible;
        UUID current = pool.stream().filter(t -> t.stage.isActive()).findFirst()
                .or(() -> pool.stream().filter(t -> t.stage == TurnStage.WAITING).findFirst())
                .or(() -> pool.stream().reduce((a, b) -> b))
                .map(t -> t.id).orElse(null);
        return new OralViews.Room(s.id, s.title, s.emergencyBasis, s.studyLevel, s.sittingDate, s.programme, s.language,
                s.allowRepeatTickets, s.preparationMinutes, s.answerMinutes, roles, actor.id(), time.now(), commission, head,
                students, turnViews, current, tickets.size(), s.publishedAt, config.finalGradeRule().name(),
                config.jitsi().domain().isPresent() && config.jitsi().appSecret().isPresent(), OralSittingService.CHECKLIST);
    }

    private OralViews.Turn turnView(OralSitting s, OralTurn t, Actor actor, boolean staff, Map<UUID, String> names,
                                    Set<UUID> present, Map<Integer, OralTicket> tickets) {
        boolean own = t.studentId.equals(actor.id());
        OralViews.Check check = null;
        if (staff) {
            List<OralViews.Snapshot> shots = OralSnapshot.<OralSnapshot>list("turnId = ?1 order by takenAt", t.id).stream()
                    .map(x -> new OralViews.Snapshot(x.id, x.kind.name(), x.takenAt)).toList();
            check = new OralViews.Check(t.idDocumentChecked, t.idDocument, t.faceVerdict, sittings.checklist(t.roomChecklist),
                    t.checkPassed, t.checkNote, t.checkedAt, shots);
        } else if (own) {
            check = new OralViews.Check(t.idDocumentChecked, null, null, Map.of(), t.checkPassed, null, t.checkedAt, List.of());
        }
        boolean drawn = t.isDrawn();
        List<String> questions = drawn && tickets.containsKey(t.ticketNumber) ? tickets.get(t.ticketNumber).questions : null;

        OralViews.Grades grades = null;
        CommissionRole myRole = s.commissionRole(actor.id()).orElse(null);
        if (staff) {
            List<OralGrade> given = OralGrade.of(t.id);
            List<UUID> graders = s.graders();
            boolean allIn = given.stream().map(g -> g.memberId).collect(Collectors.toSet()).containsAll(graders);
            Integer mine = myRole != null && myRole.grades()
                    ? given.stream().filter(g -> g.memberId.equals(actor.id())).map(g -> g.points).findFirst().orElse(null) : null;
            Map<UUID, Integer> byMember = given.stream().collect(Collectors.toMap(g -> g.memberId, g -> g.points));
            // grades stay hidden from each other until everyone has graded (001 §6.15.6)
            List<OralViews.MemberGrade> all = allIn
                    ? graders.stream().map(id -> new OralViews.MemberGrade(id, names.get(id), byMember.get(id))).toList()
                    : List.of();
            grades = new OralViews.Grades(mine, given.size(), graders.size(), allIn, all);
        }
        OralViews.Result result = null;
        if (t.finalPoints != null && (staff || t.stage == TurnStage.PUBLISHED)) {
            LetterBand band = sittings.scale().gradeFor(BigDecimal.valueOf(t.finalPoints));
            result = new OralViews.Result(t.finalPoints, t.finalLetter, band.gpa().toPlainString(), band.traditionalMark(),
                    staff ? t.finalRule : null, t.stage == TurnStage.PUBLISHED);
        }
        OralViews.Failure failure = null;
        if (t.failureAt != null) {
            failure = new OralViews.Failure(t.failureAt, staff ? t.failureNote : null, t.incompleteDue, incompleteGrade(t));
        }
        return new OralViews.Turn(t.id, t.studentId, names.get(t.studentId), t.position, t.stage.name(), present.contains(t.studentId),
                check, t.commitment, drawn ? t.seedHex : null, drawn ? t.available() : null, t.ticketNumber, questions,
                t.drawnAt, t.prepStartedAt, t.prepDeadline, t.prepEndedAt, t.answerStartedAt, t.answerDeadline, t.answerEndedAt,
                grades, result, failure, t.resitOf, t.excluded(),
                t.linkLostAt, t.linkLostSeconds, t.answerPausedAt, t.answerRemainingMs);
    }

    /** "I" until the re-sit is graded, then that grade; "F" after the due date (001 §6.15.2). */
    private String incompleteGrade(OralTurn t) {
        LocalDate today = time.today();
        Optional<OralTurn> resit = OralTurn.<OralTurn>find("resitOf", t.id).firstResultOptional();
        IncompleteGrade i = new IncompleteGrade(LocalDate.ofInstant(t.failureAt, TimeSource.ZONE), t.incompleteDue, null, null);
        if (resit.isPresent() && resit.get().stage == TurnStage.PUBLISHED) {
            LocalDate on = LocalDate.ofInstant(resit.get().publishedAt, TimeSource.ZONE);
            if (!on.isAfter(t.incompleteDue)) i = i.clear(on, resit.get().finalLetter);
        }
        return i.effectiveGrade(today);
    }

}
