package kz.adal.casework;

import kz.adal.platform.RuleViolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The commission's collegial decision on a technical-failure act (001 §6.15.6). Pure rules:
 * <ul>
 *   <li>Every voting member (the chair and the members; the technical secretary drafts and does not vote)
 *       has exactly one vote, for one of the act's options.</li>
 *   <li>The chair records the decision only when every voting member has voted.</li>
 *   <li>The option with the most votes is the decision; the chair must record it.</li>
 *   <li>When two or more options share the most votes, the chair decides between them (a casting decision;
 *       the chair's own vote has already been counted like everyone else's).</li>
 * </ul>
 */
public final class ActVotes {

    public record Vote(UUID voter, ActDecision choice) {
    }

    /** The count so far. {@code leaders} are the options with the most votes (several on a tie). */
    public record Tally(Map<ActDecision, Integer> counts, int cast, int expected, List<UUID> waitingFor, List<ActDecision> leaders) {
        public boolean allIn() {
            return waitingFor.isEmpty();
        }

        public boolean tie() {
            return leaders.size() > 1;
        }
    }

    private ActVotes() {
    }

    /** Checks one new vote: a voter of this commission, an option of this act ({@code choice} null: none or not a decision), not voted yet. */
    public static void checkVote(List<UUID> voters, List<Vote> cast, Set<ActDecision> options, UUID voter, ActDecision choice) {
        if (!voters.contains(voter)) {
            throw RuleViolation.forbidden("ACT_NOT_A_MEMBER", "Only the commission's chair and members vote on the act.");
        }
        if (choice == null || !options.contains(choice)) {
            throw RuleViolation.badRequest("ACT_CHOICE_INVALID", "Vote for one of " + options + ".");
        }
        if (cast.stream().anyMatch(v -> v.voter().equals(voter))) {
            throw RuleViolation.conflict("ACT_ALREADY_VOTED", "Each member votes once; your vote is recorded.");
        }
    }

    public static Tally tally(List<UUID> voters, List<Vote> cast, Set<ActDecision> options) {
        Map<ActDecision, Integer> counts = new LinkedHashMap<>();
        options.stream().sorted(ActDecision.LISTED).forEach(o -> counts.put(o, 0));
        List<UUID> waiting = new ArrayList<>(voters);
        int n = 0;
        for (Vote v : cast) {
            if (!voters.contains(v.voter()) || !counts.containsKey(v.choice())) continue; // a former member's vote does not count
            counts.merge(v.choice(), 1, Integer::sum);
            waiting.remove(v.voter());
            n++;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<ActDecision> leaders = max == 0 ? List.of() : counts.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList();
        return new Tally(counts, n, voters.size(), waiting, leaders);
    }

    /** The decision the chair may record: the majority's option, or on a tie the chair's choice among the tied ones. */
    public static ActDecision decide(Tally tally, ActDecision chairChoice) {
        if (!tally.allIn()) {
            throw RuleViolation.conflict("ACT_VOTES_PENDING",
                    "The decision is recorded when every member has voted (" + tally.cast() + " of " + tally.expected() + ").");
        }
        if (tally.leaders().isEmpty()) {
            throw RuleViolation.conflict("ACT_NO_VOTES", "The commission has no votes to decide on.");
        }
        if (!tally.tie()) {
            ActDecision majority = tally.leaders().getFirst();
            if (chairChoice != null && !chairChoice.equals(majority)) {
                throw RuleViolation.conflict("ACT_AGAINST_MAJORITY",
                        "The commission voted " + majority + "; the chair records the majority's decision.");
            }
            return majority;
        }
        if (chairChoice == null || !tally.leaders().contains(chairChoice)) {
            throw RuleViolation.conflict("ACT_TIE_NEEDS_CHAIR",
                    "The votes are tied between " + tally.leaders() + "; the chair decides between them.");
        }
        return chairChoice;
    }
}
