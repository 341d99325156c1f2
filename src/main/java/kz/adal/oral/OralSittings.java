package kz.adal.oral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.grading.LetterScale;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.People;
import kz.adal.identity.Role;
import kz.adal.oral.room.OralRoomBus;
import kz.adal.oral.ticket.TicketImport;
import kz.adal.platform.AfterCommit;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the oral services share: finding a sitting or a turn (locked when it changes), the checks of who holds which
 * seat, the sitting's event log (the protocol's "what happened when"), and telling the room after commit that the
 * sitting changed ({@link OralRoomBus}).
 */
@ApplicationScoped
class OralSittings {
    private final OralConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralRoomBus bus;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry tx;
    private final LetterScale scale;

    OralSittings(OralConfig config, TimeSource time, AuditTrail audit, OralRoomBus bus, ObjectMapper json, TransactionSynchronizationRegistry tx) {
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.bus = bus;
        this.json = json;
        this.tx = tx;
        this.scale = LetterScale.parse(config.letterScale());
    }

    OralSitting sitting(UUID id) {
        return OralSitting.<OralSitting>findByIdOptional(id).orElseThrow(() -> Problem.notFound("Sitting"));
    }

    OralTurn turn(UUID id) {
        return OralTurn.<OralTurn>findByIdOptional(id).orElseThrow(() -> Problem.notFound("Student's turn"));
    }

    OralTurn lockedTurn(UUID id) {
        return OralTurn.<OralTurn>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> Problem.notFound("Student's turn"));
    }

    void requireCommissionRole(Actor actor, OralSitting s, CommissionRole role, String message) {
        if (s.commissionRole(actor.id()).orElse(null) != role) throw Problem.forbidden(message);
    }

    Person staff(UUID id, String what) {
        Person u = People.find(id).orElseThrow(() -> Problem.notFound("The " + what + " " + id));
        if (!u.active()) throw new Problem(422, "ORAL_ACCOUNT_INACTIVE", u.fullName() + " (" + what + ") has a suspended account");
        if (u.roles().equals(EnumSet.of(Role.STUDENT))) {
            throw new Problem(422, "ORAL_STUDENT_AS_STAFF", u.fullName() + " is a student and can't be the " + what);
        }
        return u;
    }

    Map<UUID, String> names(Collection<UUID> ids) {
        return People.names(ids);
    }

    void event(UUID sittingId, UUID turnId, String kind, Actor actor, String detail) {
        OralEvent e = new OralEvent();
        e.sittingId = sittingId;
        e.turnId = turnId;
        e.at = time.now();
        e.kind = kind;
        e.actorLogin = actor == null ? "system" : actor.login();
        e.detail = detail == null ? null : detail.length() > 1990 ? detail.substring(0, 1990) + "…" : detail;
        e.persist();
    }

    /** Tell every socket of the sitting once this transaction has committed. */
    void changed(UUID sittingId, String reason) {
        afterCommit(() -> bus.publish(sittingId, toJson(Map.of("type", "changed", "sittingId", sittingId, "reason", reason))));
    }

    void afterCommit(Runnable r) {
        AfterCommit.run(tx, r);
    }

    Map<String, Boolean> checklist(String jsonText) {
        if (jsonText == null) return Map.of();
        try {
            return json.readValue(jsonText, new TypeReference<LinkedHashMap<String, Boolean>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    LetterScale scale() {
        return scale;
    }

    OralConfig config() {
        return config;
    }

    LocalDate periodEnd(LocalDate today) {
        MonthDay md = MonthDay.parse("--" + config.periodEnd());
        LocalDate end = md.atYear(today.getYear());
        return end.isBefore(today) ? md.atYear(today.getYear() + 1) : end;
    }

    void storeTickets(UUID sittingId, List<TicketImport.Ticket> tickets) {
        for (TicketImport.Ticket t : tickets) {
            OralTicket ticket = new OralTicket();
            ticket.sittingId = sittingId;
            ticket.number = t.number();
            ticket.questions.addAll(t.questions());
            ticket.persist();
        }
    }

    /** Staff of the sitting (commission, head) and administrators see checks, grades and the protocol. */
    void requireStaff(Actor actor, OralSitting s) {
        if (actor.has(Role.SYSTEM_ADMIN)) return;
        if (s.commissionRole(actor.id()).isPresent() || actor.id().equals(s.headId)) return;
        throw Problem.forbidden("Only the commission, the head of department and administrators see this");
    }

    void stageChange(OralSitting s, OralTurn t, String kind, Actor actor, String detail) {
        Change c = Change.of("oral.stage", "oral-turn", t.id).scope(s.id)
                .detail(Map.of("event", kind, "stage", t.stage.name(), "detail", detail));
        if (actor == null) audit.record(c, null, "system");
        else audit.record(c);
        event(s.id, t.id, kind, actor, detail);
        changed(s.id, kind);
    }

}
