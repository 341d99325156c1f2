package kz.adal.review;

import kz.adal.proctoring.ProctorViews;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payloads of the review API. */
public final class ReviewViews {
    private ReviewViews() {
    }

    public record FlagDecisionRequest(String decision, String comment, Integer version) {
    }

    public record VerdictRequest(String verdict, String reason, Integer version) {
    }

    public record Evidence(UUID id, Instant at) {
    }

    public record DecisionView(String decision, String comment, String decidedBy, Instant decidedAt, int version) {
    }

    /** A flag with its explanation, evidence frames and the reviewer's decision (null while undecided). */
    /** {@code detail} as the flag rules wrote it; {@code detailText} the same in the reader's language (none: nothing to show). */
    public record FlagReview(String key, String type, String severity, Instant startAt, Instant endAt, long seconds,
                             String detail, String detailText, UUID snapshotId, List<Evidence> evidence, DecisionView decision) {
    }

    /** One line of the timeline: what happened when (answers, events, flags, messages, suspensions, identity check). */
    public record TimelineEntry(Instant at, String kind, String text, Map<String, Object> data) {
    }

    public record IdentityView(String status, String reason, Double similarity, Integer faceCount, Instant at, String note) {
    }

    public record VerdictView(String verdict, String reason, String decidedBy, Instant decidedAt, int version) {
    }

    public record RevisionView(int revision, String verdict, String reason, String decidedBy, Instant decidedAt) {
    }

    public record AttemptReview(UUID attemptId, UUID examId, String examTitle, UUID studentId, String studentName,
                                String studentLogin, String state, Instant startedAt, Instant finishedAt, BigDecimal percent,
                                String letter, long pausedSeconds, int score, List<ProctorViews.CostView> costs,
                                List<FlagReview> flags, List<TimelineEntry> timeline, IdentityView identity,
                                VerdictView verdict, List<RevisionView> history, String annulledReason, boolean mayDecide) {
    }
}
