package kz.adal.oral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.oral.room.OralRoomBus;
import kz.adal.oral.room.RoomLink;
import kz.adal.platform.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What runs without a person's click: the room's socket logging who is connected (for the protocol), and the
 * every-second timer ({@link OralTimerJob}) that ends stages whose time is up and watches the student's link.
 */
@ApplicationScoped
public class OralRoomHooks {
    private final OralConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralRoomBus bus;
    private final ObjectMapper json;
    private final OralSittings sittings;
    /** Casework drafts the act for a paused answer from this (issue 14). */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<AnswerLinkLost> linkLosses;

    OralRoomHooks(OralConfig config, TimeSource time, AuditTrail audit, OralRoomBus bus, ObjectMapper json, OralSittings sittings) {
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.bus = bus;
        this.json = json;
        this.sittings = sittings;
    }

    /** A socket opened in the room: logged for the protocol ("who was connected when"). */
    @Transactional
    public void presenceOpened(UUID sittingId, UUID userId, String connectionId) {
        OralPresence p = new OralPresence();
        p.id = UUID.randomUUID();
        p.sittingId = sittingId;
        p.userId = userId;
        p.connectionId = connectionId;
        p.joinedAt = time.now();
        p.persist();
    }

    @Transactional
    public void presenceClosed(String connectionId) {
        OralPresence.update("leftAt = ?1 where connectionId = ?2 and leftAt is null", time.now(), connectionId);
    }

    /**
     * Watches the link of every answer under way (run every second by {@link OralTimerJob}, on every node: row
     * lock, then re-check). An outage is logged when it starts and when it ends, with its measured length; the
     * room is told both times. One longer than {@code adal.oral.link.pause-after} pauses the answer (its clock
     * stops) and {@link AnswerLinkLost} lets casework draft the technical-failure act with the measured outage.
     */
    @Transactional
    public int watchLinks() {
        int moved = 0;
        for (OralTurn candidate : OralTurn.<OralTurn>list("stage", TurnStage.ANSWERING)) {
            Instant now = time.now();
            OralSitting s = sittings.sitting(candidate.sittingId);
            List<UUID> without = RoomLink.withoutStudent(s.graders(), candidate.studentId, RoomLink.parseAll(bus.links(s.id), json));
            boolean lost = !without.isEmpty();
            if (lost == (candidate.linkLostAt != null) && !(lost && overdue(candidate, now))) continue;
            OralTurn t = sittings.lockedTurn(candidate.id);
            if (t.stage != TurnStage.ANSWERING) continue;
            if (lost && t.linkLostAt == null) {
                t.linkLost(now);
                Map<UUID, String> n = sittings.names(without);
                String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
                audit.record(Change.of("oral.link-lost", "oral-turn", t.id).scope(s.id).detail(Map.of("without", who)), null, "system");
                sittings.event(s.id, t.id, "LINK_LOST", null, "the student's audio/video does not reach: " + who);
                sittings.changed(s.id, "link");
                moved++;
            } else if (!lost && t.linkLostAt != null) {
                Instant from = t.linkLostAt;
                long seconds = t.linkRestored(now);
                audit.record(Change.of("oral.link-restored", "oral-turn", t.id).scope(s.id)
                        .detail(Map.of("from", from.toString(), "seconds", seconds)), null, "system");
                sittings.event(s.id, t.id, "LINK_RESTORED", null, "outage of " + seconds + " s from " + from);
                sittings.changed(s.id, "link");
                moved++;
            } else if (lost && overdue(t, now)) {
                Instant from = t.linkLostAt;
                long seconds = Math.max(0, Duration.between(from, now).toSeconds());
                t.answerPaused(now);
                Map<UUID, String> n = sittings.names(without);
                String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
                audit.record(Change.of("oral.answer-paused", "oral-turn", t.id).scope(s.id)
                        .detail(Map.of("from", from.toString(), "seconds", seconds, "without", who)), null, "system");
                sittings.event(s.id, t.id, "ANSWER_PAUSED", null, "no audio/video from the student for " + seconds + " s (since " + from
                        + ", not reaching " + who + "); " + (t.answerRemainingMs / 1000) + " s of the answer left");
                UUID secretary = s.commission.stream().filter(c -> c.role == CommissionRole.SECRETARY).map(c -> c.userId).findFirst().orElse(null);
                linkLosses.fire(new AnswerLinkLost(t.id, s.id, t.studentId, secretary, from, now, seconds, who, t.ticketNumber));
                sittings.changed(s.id, "paused");
                moved++;
            }
        }
        return moved;
    }

    private boolean overdue(OralTurn t, Instant now) {
        return t.linkLostAt != null && !now.isBefore(t.linkLostAt.plus(config.link().pauseAfter()));
    }

    /** Ends the stages whose time is up, even if nobody clicks (run by {@link OralTimerJob}). */
    @Transactional
    public int expireDue() {
        Instant now = time.now();
        int moved = 0;
        // the timer job runs on every node: the due turns are read as ids, then each is locked and checked again,
        // so of two nodes only the first records the stage change; the other finds it already moved (issue 16)
        List<UUID> due = OralTurn.getEntityManager().createQuery("select t.id from OralTurn t where "
                        + "(t.stage = ?1 and t.prepDeadline <= ?2) or (t.stage = ?3 and t.answerDeadline <= ?2)", UUID.class)
                .setParameter(1, TurnStage.PREPARING).setParameter(2, now).setParameter(3, TurnStage.ANSWERING).getResultList();
        for (UUID id : due) {
            OralTurn t = sittings.lockedTurn(id);
            boolean stillDue = (t.stage == TurnStage.PREPARING && !t.prepDeadline.isAfter(now))
                    || (t.stage == TurnStage.ANSWERING && !t.answerDeadline.isAfter(now));
            if (!stillDue) continue;
            OralSitting s = sittings.sitting(t.sittingId);
            if (t.stage == TurnStage.PREPARING) {
                t.preparationEnded(now);
                sittings.stageChange(s, t, "PREPARATION_ENDED", null, "time up at " + t.prepDeadline);
            } else {
                t.answerEnded(now);
                sittings.stageChange(s, t, "ANSWER_ENDED", null, "time up at " + t.answerDeadline);
            }
            moved++;
        }
        return moved;
    }

}
