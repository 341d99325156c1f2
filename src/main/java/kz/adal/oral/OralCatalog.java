package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other features (casework's acts, appeals, absences and incomplete grades) read about oral sittings and turns,
 * as records (the {@link OralSitting} and {@link OralTurn} entities stay this feature's own; docs/architecture.md,
 * "Feature boundaries"); changes go through {@link OralCasework}. Grow it with what a caller needs.
 */
@ApplicationScoped
public class OralCatalog {

    /** A seat on a sitting's commission. */
    public record Seat(UUID userId, CommissionRole role) {
    }

    /** A sitting day as other features see it: its commission, programme and language of instruction. */
    public record SittingRecord(UUID id, String title, LocalDate date, String programme, String language, UUID headId,
                                List<Seat> commission) {

        public UUID chairId() {
            return commission.stream().filter(s -> s.role() == CommissionRole.CHAIR).map(Seat::userId).findFirst().orElseThrow();
        }

        /** A re-sit is a sitting of the missed one's programme and language of instruction (001 §5.23.5). */
        public boolean sameProgrammeAndLanguage(SittingRecord other) {
            return other != null && language.equals(other.language) && programme.strip().equalsIgnoreCase(other.programme.strip());
        }
    }

    /** A student's turn as other features see it: where it stands and its announced grade. */
    public record TurnRecord(UUID id, UUID sittingId, UUID studentId, TurnStage stage, Integer finalPoints, String finalLetter,
                             Instant answerEndedAt, Instant gradedAt, Instant publishedAt, UUID resitOf) {

        /** The oral exam was held when the answer ended (or, failing that, when it was graded or announced). */
        public Instant heldAt() {
            return answerEndedAt != null ? answerEndedAt : gradedAt != null ? gradedAt : publishedAt;
        }
    }

    @Transactional
    public Optional<SittingRecord> sitting(UUID sittingId) {
        return sittingId == null ? Optional.empty() : OralSitting.<OralSitting>findByIdOptional(sittingId).map(OralCatalog::record);
    }

    /** Sitting days from {@code day} on, the earliest first. */
    @Transactional
    public List<SittingRecord> sittingsFrom(LocalDate day) {
        return OralSitting.<OralSitting>list("sittingDate >= ?1 order by sittingDate", day).stream().map(OralCatalog::record).toList();
    }

    @Transactional
    public Optional<TurnRecord> turn(UUID turnId) {
        return turnId == null ? Optional.empty() : OralTurn.<OralTurn>findByIdOptional(turnId).map(OralCatalog::record);
    }

    /** The student's turns at {@code stage}. */
    @Transactional
    public List<TurnRecord> turnsAt(UUID studentId, TurnStage stage) {
        return OralTurn.<OralTurn>list("studentId = ?1 and stage = ?2", studentId, stage).stream().map(OralCatalog::record).toList();
    }

    /** The student's turns whose result was announced after {@code since}, the latest first. */
    @Transactional
    public List<TurnRecord> announcedSince(UUID studentId, Instant since) {
        return OralTurn.<OralTurn>list("studentId = ?1 and publishedAt is not null and publishedAt > ?2 order by publishedAt desc",
                studentId, since).stream().map(OralCatalog::record).toList();
    }

    /** The re-sit turn given in place of {@code turnId}, if any. */
    @Transactional
    public Optional<TurnRecord> resitOf(UUID turnId) {
        return OralTurn.<OralTurn>find("resitOf", turnId).firstResultOptional().map(OralCatalog::record);
    }

    static SittingRecord record(OralSitting s) {
        return new SittingRecord(s.id, s.title, s.sittingDate, s.programme, s.language, s.headId,
                s.commission.stream().map(c -> new Seat(c.userId, c.role)).toList());
    }

    static TurnRecord record(OralTurn t) {
        return new TurnRecord(t.id, t.sittingId, t.studentId, t.stage, t.finalPoints, t.finalLetter, t.answerEndedAt, t.gradedAt,
                t.publishedAt, t.resitOf);
    }
}
