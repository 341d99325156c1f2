package kz.adal.proctoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.live.AttemptFacts;
import kz.adal.proctoring.live.LiveEvent;
import kz.adal.proctoring.live.Tiles;
import kz.adal.proctoring.live.WatchedAttempt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A watched attempt's tile as the proctor's grid shows it: its facts, connection, flags (the standard rules and any
 * extra {@link FlagRule}), credibility score and its costs, the latest problem report; and whether it can change with
 * time alone. The same flags and weights serve one attempt's timeline ({@link ProctorQueries}).
 */
@ApplicationScoped
class LiveTiles implements Tiles {
    private final ProctoringConfig config;
    private final TimeSource time;
    private final ObjectMapper json;
    private final Instance<FlagRule> extraRules;
    private final ScoreWeights weights;

    LiveTiles(ProctoringConfig config, TimeSource time, ObjectMapper json, @Any Instance<FlagRule> extraRules) {
        this.config = config;
        this.time = time;
        this.json = json;
        this.extraRules = extraRules;
        this.weights = ScoreWeights.parse(config.weights());
    }

    /** Flags of an attempt as things stand at {@code now}. */
    List<Flag> flags(AttemptFacts facts, List<LiveEvent> events, Instant now) {
        List<FlagRule> rules = new ArrayList<>(FlagRules.standard());
        extraRules.forEach(rules::add);
        Instant end = facts != null && facts.state().isFinished() ? facts.finishedAt() : null;
        return FlagRules.evaluate(rules, new Timeline(events, end, now, config.disconnectGrace(), config.setupGrace(), config.setupLimit()));
    }

    ScoreWeights weights() {
        return weights;
    }

    @Override
    public ObjectNode tile(WatchedAttempt w, Instant now) {
        AttemptFacts f = w.facts();
        long version = w.version();
        List<LiveEvent> events = sorted(w);
        List<Flag> flags = flags(f, events, now);
        CredibilityScore score = CredibilityScore.of(flags, weights, now);
        ObjectNode t = json.createObjectNode();
        t.put("attemptId", w.attemptId().toString());
        if (f != null) {
            t.put("examId", f.examId().toString()).put("examTitle", f.examTitle()).put("studentName", f.studentName())
                    .put("studentLogin", f.studentLogin()).put("state", f.state().name());
            if (f.deadlineAt() != null) t.put("deadlineAt", f.deadlineAt().toString());
            if (f.finishedAt() != null) t.put("finishedAt", f.finishedAt().toString());
            Duration left = f.remaining(now);
            if (left != null) t.put("remainingMs", left.toMillis());
        }
        String connection = "never";
        Instant since = null;
        LiveEvent problem = null;
        for (LiveEvent e : events) {
            if (e.kind().equals("connection.opened")) {
                connection = "online";
                since = e.at();
            } else if (e.kind().equals("connection.closed")) {
                connection = "offline";
                since = e.at();
            } else if (e.kind().equals("problem.reported")) {
                problem = e;
            }
        }
        t.put("connection", connection);
        if (since != null) t.put("connectionSince", since.toString());
        t.put("score", score.score());
        ArrayNode fl = t.putArray("flags");
        int open = 0;
        for (Flag x : flags) {
            ObjectNode o = fl.addObject().put("type", x.type().name()).put("severity", x.severity().name())
                    .put("startAt", x.startAt().toString()).put("seconds", x.duration(now).toSeconds());
            if (x.endAt() != null) o.put("endAt", x.endAt().toString());
            else open++;
        }
        t.put("openFlags", open);
        ArrayNode costs = t.putArray("costs");
        for (CredibilityScore.Item i : score.items()) {
            costs.addObject().put("type", i.type().name()).put("count", i.count()).put("seconds", i.seconds()).put("cost", i.cost());
        }
        if (problem != null) t.putObject("problem").put("text", problem.text("text")).put("at", problem.at().toString());
        Instant snapshotAt = w.snapshotAt();
        if (snapshotAt != null) t.put("snapshotAt", snapshotAt.toString());
        // what only time changes: an open flag's cost, a disconnection outgrowing its grace, a setup running out
        boolean settingUp = false;
        List<Timeline.Setup> setups = new Timeline(events, null, now, config.disconnectGrace(), config.setupGrace(), config.setupLimit()).setups();
        if (!setups.isEmpty() && setups.get(setups.size() - 1).until() == null) settingUp = true;
        boolean quiet = open == 0 && !connection.equals("offline") && !settingUp && extraRules.isUnsatisfied();
        w.quietAt(quiet ? version : -1);
        return t;
    }

    @Override
    public String tileMessage(WatchedAttempt w, ObjectNode tile) {
        w.signature(Tiles.signature(tile));
        ObjectNode m = json.createObjectNode().put("type", "tile").put("serverNow", time.now().toString());
        m.set("tile", tile);
        return m.toString();
    }

    @Override
    public List<LiveEvent> sorted(WatchedAttempt w) {
        return new Timeline(w.snapshotOfEvents(), null, time.now(), config.disconnectGrace()).events();
    }
}
