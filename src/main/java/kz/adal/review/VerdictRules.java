package kz.adal.review;

import kz.adal.platform.RuleViolation;

import java.util.Objects;

/**
 * The rules of a reviewer's decisions, without a database.
 * <ul>
 * <li>Flags are advisory (product decision; 003 §16 watches, a person decides): a flag decision
 *     (confirmed / dismissed) needs a comment and changes nothing in the result.</li>
 * <li>Only a verdict changes the result's standing, and only for a finished attempt: {@code VALID} (the
 *     result stands), {@code ANNULLED} (the result is annulled; answers are kept) or {@code RESIT} (a re-sit
 *     under an individual sheet, 001 §5.34).</li>
 * <li>Every verdict needs a reason; a changed verdict needs a <em>new</em> reason (the old one stays in the
 *     history). Repeating the current verdict with the same reason is refused as no change.</li>
 * <li>Concurrent edits: the client sends the version it saw (none for the first verdict); another version
 *     means someone else decided meanwhile, and the edit is refused instead of overwriting it.</li>
 * </ul>
 */
public final class VerdictRules {

    public static final int MAX_TEXT = 2000;

    public enum Verdict {
        VALID, ANNULLED, RESIT;

        /** The result is annulled (grade sheet: no result) — only by an explicit verdict. */
        public boolean annulsResult() {
            return this == ANNULLED || this == RESIT;
        }
    }

    /** The verdict as it stands (null fields when there is none). */
    public record Current(Verdict verdict, String reason, Integer version) {
        public static final Current NONE = new Current(null, null, null);
    }

    private VerdictRules() {
    }

    /** Checks a flag decision's comment; returns it stripped. */
    public static String flagComment(String comment) {
        return text(comment, "FLAG_COMMENT_REQUIRED", "A comment is required to confirm or dismiss a flag");
    }

    /** Checks that a decision on an existing record was made on the version the client saw. */
    public static void sameVersion(Integer seen, Integer current) {
        if (!Objects.equals(seen, current)) {
            throw new RuleViolation(409, "REVIEW_VERSION_CONFLICT", current == null
                    ? "This was not decided when you loaded it, but you sent a version: reload"
                    : "Someone else changed this meanwhile (now version " + current + "): reload and decide again");
        }
    }

    /**
     * Checks a verdict against the current one; returns the reason to store.
     *
     * @param attemptFinished whether the attempt has ended (no verdict on a running attempt)
     */
    public static String verdict(Current current, Verdict next, String reason, Integer seenVersion, boolean attemptFinished) {
        if (next == null) throw new RuleViolation(400, "VERDICT_INVALID", "verdict is VALID, ANNULLED or RESIT");
        String r = text(reason, "VERDICT_REASON_REQUIRED", "A verdict needs a reason");
        if (!attemptFinished) throw new RuleViolation(409, "ATTEMPT_NOT_FINISHED", "A verdict is given only on a finished attempt");
        sameVersion(seenVersion, current.version());
        if (current.verdict() != null) {
            if (current.verdict() == next && r.equals(current.reason())) {
                throw new RuleViolation(409, "VERDICT_UNCHANGED", "This is already the verdict, with this reason");
            }
            if (r.equals(current.reason())) {
                throw new RuleViolation(400, "VERDICT_NEW_REASON_REQUIRED", "Changing a verdict needs a new reason");
            }
        }
        return r;
    }

    public static Verdict parse(String verdict) {
        if (verdict == null) return null;
        try {
            return Verdict.valueOf(verdict.trim().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(String text, String code, String message) {
        if (text == null || text.isBlank()) throw new RuleViolation(400, code, message);
        String s = text.strip();
        if (s.length() > MAX_TEXT) throw new RuleViolation(400, "TEXT_TOO_LONG", "At most " + MAX_TEXT + " characters");
        return s;
    }
}
