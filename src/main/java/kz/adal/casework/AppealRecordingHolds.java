package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.exam.ExamCatalog;
import kz.adal.media.RecordingHold;
import kz.adal.media.RecordingHolds;
import kz.adal.platform.TimeSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps an attempt's recordings while an appeal may still use them (product decision, 001 §6.15.4): the
 * 48-hour window is open (or has not opened: results not published), or an appeal is filed and undecided.
 */
@ApplicationScoped
public class AppealRecordingHolds implements RecordingHolds {

    private final TimeSource time;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    AppealRecordingHolds(TimeSource time, AttemptCatalog attempts, ExamCatalog exams) {
        this.time = time;
        this.attempts = attempts;
        this.exams = exams;
    }

    @Override
    @Transactional
    public Set<RecordingHold> holdsFor(UUID attemptId) {
        if (Appeal.count("attemptId = ?1 and state <> ?2", attemptId, Appeal.State.DECIDED) > 0) return EnumSet.of(RecordingHold.APPEAL);
        AttemptCatalog.AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || a.finishedAt() == null) return EnumSet.noneOf(RecordingHold.class);
        ExamCatalog.ExamRecord e = exams.find(a.examId()).orElse(null);
        if (e == null) return EnumSet.noneOf(RecordingHold.class);
        if (e.resultsVisibleAt() == null) return EnumSet.of(RecordingHold.APPEAL);
        boolean windowOpen = !time.now().isAfter(AppealDeadlines.filingClosesAt(a.finishedAt(), e.resultsVisibleAt()));
        return windowOpen ? EnumSet.of(RecordingHold.APPEAL) : EnumSet.noneOf(RecordingHold.class);
    }
}
