package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.Texts;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Gathers the facts for {@link ResultHold}: who is admitted, their attempts, the live individual sheets. */
@ApplicationScoped
public class ResultHolds {
    /** Sheets that may still let the student sit (not refused, not returned or recorded). */
    private static final Set<IndividualSheetState> LIVE = EnumSet.of(IndividualSheetState.APPLIED, IndividualSheetState.SIGNED_BY_DEAN,
            IndividualSheetState.SIGNED_BY_ACADEMIC_POLICY_DIRECTOR, IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR,
            IndividualSheetState.ORDER_ISSUED, IndividualSheetState.SHEET_ISSUED);

    private final ExamResults results;

    ResultHolds(ExamResults results) {
        this.results = results;
    }

    /** The hold on the exam's results at {@code now}, if any. */
    @Transactional
    public Optional<ResultHold.Hold> holdFor(UUID examId, Instant now) {
        Exam exam = Exam.findById(examId);
        return exam == null ? Optional.empty() : holdFor(exam, now);
    }

    Optional<ResultHold.Hold> holdFor(Exam exam, Instant now) {
        Set<UUID> admitted = People.inGroup(exam.groupCode).stream()
                .filter(u -> u.has(Role.STUDENT) && ExamAccess.isAdmitted(exam, u.id())).map(Person::id).collect(Collectors.toSet());
        List<ResultHold.AttemptStanding> attempts = results.standings(exam.id);
        List<ResultHold.SheetWindow> sheets = Extension.<Extension>list("examId = ?1 and state in ?2", exam.id, LIVE).stream()
                .map(x -> new ResultHold.SheetWindow(x.studentId,
                        attempts.stream().anyMatch(a -> a.studentId().equals(x.studentId) && a.finished() && a.round() > 1),
                        x.receivedOn == null ? null : x.sheet().validThrough().plusDays(1).atStartOfDay(TimeSource.ZONE).toInstant()))
                .toList();
        return ResultHold.of(now, exam.closesAt, admitted, attempts, sheets);
    }

    /** The refusal a person reads when results must wait: code RESULTS_HELD, the reason, and {@code until} as a field. */
    public static Problem refusal(String code, ResultHold.Hold hold, String lang) {
        String text = hold.until() == null ? Texts.of(lang, "results.held." + hold.reason() + ".unknown")
                : Texts.of(lang, "results.held." + hold.reason(), Texts.dateTime(hold.until(), lang));
        return Problem.conflict(code, text).worded().with("reason", hold.reason().name()).with("until", hold.until());
    }
}
