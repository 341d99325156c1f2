package kz.adal.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.ResultStanding;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assignment and Grade Services: a result goes to the platform's gradebook once the exam's results are released (the
 * moment students see them, {@code AttemptCatalog.resultsReleased}: visible and held by nothing), never before. Released results are written to the
 * {@code lti_score} outbox — one row per attempt and activity, by a unique key — and every node sweeps it: a row is
 * claimed for a lease, sent (a service token by client credentials, then the score as
 * {@code application/vnd.ims.lis.v1.score+json}), and marked sent with an audit entry; a failed send is tried again
 * after a doubling wait. An annulled result (a reviewer's verdict) is not sent.
 */
@ApplicationScoped
public class ScorePassback {
    private static final Logger LOG = Logger.getLogger(ScorePassback.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final ExamCatalog exams;
    private final AttemptCatalog attempts;
    private final Instance<ResultStanding> standing;
    private final ServiceTokens tokens;
    private final PlatformHttp http;
    private final AuditTrail audit;
    private final TimeSource time;
    private final LtiConfig config;

    ScorePassback(ExamCatalog exams, AttemptCatalog attempts, Instance<ResultStanding> standing, ServiceTokens tokens,
                  PlatformHttp http, AuditTrail audit, TimeSource time, LtiConfig config) {
        this.exams = exams;
        this.attempts = attempts;
        this.standing = standing;
        this.tokens = tokens;
        this.http = http;
        this.audit = audit;
        this.time = time;
        this.config = config;
    }

    @Scheduled(identity = "lti-scores", every = "${adal.lti.scores-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            QuarkusTransaction.requiringNew().run(this::enqueueReleased);
            sendDue();
        } catch (RuntimeException e) {
            LOG.errorf(e, "LTI score sweep failed; the next one tries again");
        }
    }

    /** Writes an outbox row for every released, standing result of a linked exam whose student came from the platform. */
    void enqueueReleased() {
        Instant now = time.now();
        for (LtiResourceLink link : LtiResourceLink.<LtiResourceLink>list("lineitemUrl is not null")) {
            if (!attempts.resultsReleased(link.examId)) continue;
            LtiPlatform p = LtiPlatform.findById(link.platformId);
            for (AttemptCatalog.AttemptRecord a : attempts.gradedOf(link.examId)) {
                if (LtiScore.count("linkId = ?1 and attemptId = ?2", link.id, a.id()) > 0) continue;
                if (standing.stream().anyMatch(s -> s.annulment(a.id()).isPresent())) continue;
                LtiAccount account = LtiAccount.<LtiAccount>find("key.issuer = ?1 and userId = ?2", p.issuer, a.studentId()).firstResult();
                if (account == null) continue;
                LtiScore s = new LtiScore();
                s.id = UUID.randomUUID();
                s.linkId = link.id;
                s.attemptId = a.id();
                s.userId = a.studentId();
                s.platformUser = account.key.subject;
                s.scoreGiven = a.percent().setScale(2, RoundingMode.HALF_UP);
                s.scoreMaximum = BigDecimal.valueOf(100);
                s.createdAt = now;
                s.tries = 0;
                s.nextTryAt = now;
                s.persist();
            }
        }
    }

    /** Sends the rows that are due, each claimed first so that two nodes never send one twice at once. */
    void sendDue() {
        Instant now = time.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> LtiScore.<LtiScore>find(
                "sentAt is null and nextTryAt <= ?1 order by createdAt", now).page(0, 50).list().stream().map(s -> s.id).toList());
        for (UUID id : due) {
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> LtiScore.update(
                    "nextTryAt = ?1 where id = ?2 and sentAt is null and nextTryAt <= ?3", now.plus(LEASE), id, now) == 1);
            if (claimed) send(id);
        }
    }

    private record Outgoing(ServiceTokens.Platform platform, String scoresUrl, String body, UUID examId) {}

    private void send(UUID id) {
        Outgoing out = QuarkusTransaction.requiringNew().call(() -> {
            LtiScore s = LtiScore.findById(id);
            LtiResourceLink link = LtiResourceLink.findById(s.linkId);
            LtiPlatform p = LtiPlatform.findById(link.platformId);
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("userId", s.platformUser);
            score.put("scoreGiven", s.scoreGiven);
            score.put("scoreMaximum", s.scoreMaximum);
            score.put("activityProgress", "Completed");
            score.put("gradingProgress", "FullyGraded");
            score.put("timestamp", time.now().truncatedTo(ChronoUnit.MILLIS).toString());
            return new Outgoing(ServiceTokens.Platform.of(p), scoresUrl(link.lineitemUrl), JSON.writeValueAsString(score), link.examId);
        });
        try {
            String token = tokens.token(out.platform(), LtiClaims.SCOPE_SCORE);
            http.postJson(out.scoresUrl(), LtiClaims.SCORE_TYPE, out.body(), token);
        } catch (Problem | IllegalArgumentException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                LtiScore s = LtiScore.findById(id);
                s.tries++;
                s.lastError = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().substring(0, Math.min(500, e.getMessage().length()));
                s.nextTryAt = time.now().plus(backoff(config.retryAfter(), s.tries));
            });
            LOG.warnf("LTI score %s not taken by the platform (%s); tried again later", id, e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            LtiScore s = LtiScore.findById(id);
            s.sentAt = time.now();
            s.tries++;
            s.lastError = null;
            audit.record(Change.of("lti.score.sent", "attempt", s.attemptId).scope(out.examId())
                    .detail(Map.of("platformUser", s.platformUser, "scoreGiven", s.scoreGiven, "scoreMaximum", s.scoreMaximum,
                            "lineitem", out.scoresUrl())), null, "system");
        });
    }

    /** The first wait, doubled per further failure, at most an hour. */
    static Duration backoff(Duration first, int tries) {
        Duration d = first.multipliedBy(1L << Math.min(20, Math.max(0, tries - 1)));
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }

    /** The line item's scores endpoint: "/scores" added to its path, before any query (Moodle's carry ?type_id=). */
    static String scoresUrl(String lineitem) {
        int q = lineitem.indexOf('?');
        String path = q < 0 ? lineitem : lineitem.substring(0, q);
        String query = q < 0 ? "" : lineitem.substring(q);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores" + query;
    }
}
