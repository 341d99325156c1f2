package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Draws a student's paper from the eligible pool: which questions, in which order, with which option
 * order. Deterministic: the same pool (in any order), arguments and seed give the same paper, so a
 * paper can be rebuilt for an appeal. See docs/domain/draw.md.
 *
 * <p>Steps, all from one {@link SplitMix64} stream seeded with {@code seed}, in this order:
 * <ol>
 *   <li>sort the pool by the question id's canonical text (so database order doesn't matter);</li>
 *   <li>apportion N to difficulties ({@link #apportion}), then move any shortage ({@link #fillOrder});</li>
 *   <li>for EASY, MEDIUM, HARD in turn, pick that many questions by a partial Fisher–Yates shuffle;</li>
 *   <li>shuffle the picked questions (Fisher–Yates) to set the paper's order;</li>
 *   <li>for each question in paper order, shuffle its option indices (Fisher–Yates).</li>
 * </ol>
 * Changing any step changes papers: give the new version a new {@link #ALGORITHM} name and keep the
 * old one able to reproduce stored papers.
 */
public final class QuestionDraw {

    /** The name stored with every paper drawn by this code. */
    public static final String ALGORITHM = "adal-draw-v1";

    /** Who gets a leftover seat when remainders tie: "average and above" first (001 §5.20.3). */
    private static final List<DrawDifficulty> TIE_BREAK =
            List.of(DrawDifficulty.MEDIUM, DrawDifficulty.HARD, DrawDifficulty.EASY);

    private static final SecureRandom SEEDS = new SecureRandom();

    private QuestionDraw() {
    }

    /** A fresh seed for a new attempt, from {@link SecureRandom} so students can't predict papers. */
    public static long newSeed() {
        return SEEDS.nextLong();
    }

    /**
     * Draws a paper.
     *
     * @param pool        the eligible questions; ids must be unique
     * @param optionCount options per question (5 under 001 §7.6)
     * @param n           questions in the paper; the per-kind cap (30 for the session exam) is
     *                    checked by {@code ExamRules}, not here
     * @param mix         the target share of each difficulty
     * @param seed        the attempt's seed
     */
    public static DrawnPaper draw(List<PoolItem> pool, int optionCount, int n, DifficultyMix mix, long seed) {
        if (optionCount < 1) {
            throw RuleViolation.conflict("DRAW_OPTION_COUNT_INVALID", "A question needs at least one option.");
        }
        if (n < 1) {
            throw RuleViolation.conflict("DRAW_COUNT_NOT_POSITIVE", "A paper needs at least one question, got " + n + ".");
        }
        if (n > pool.size()) {
            throw RuleViolation.conflict("DRAW_POOL_TOO_SMALL",
                    "Cannot draw " + n + " questions from a pool of " + pool.size() + ".");
        }
        List<PoolItem> sorted = new ArrayList<>(pool);
        sorted.sort(Comparator.comparing(item -> item.questionId().toString()));
        Set<UUID> seen = new HashSet<>();
        Map<DrawDifficulty, List<PoolItem>> byDifficulty = new EnumMap<>(DrawDifficulty.class);
        for (DrawDifficulty d : DrawDifficulty.values()) {
            byDifficulty.put(d, new ArrayList<>());
        }
        for (PoolItem item : sorted) {
            if (!seen.add(item.questionId())) {
                throw RuleViolation.conflict("DRAW_DUPLICATE_QUESTION", "The pool holds question " + item.questionId() + " twice.");
            }
            byDifficulty.get(item.difficulty()).add(item);
        }
        Map<DrawDifficulty, Integer> available = new EnumMap<>(DrawDifficulty.class);
        byDifficulty.forEach((d, items) -> available.put(d, items.size()));
        Map<DrawDifficulty, Integer> counts = fill(apportion(n, mix), available);

        SplitMix64 random = new SplitMix64(seed);
        List<PoolItem> picked = new ArrayList<>(n);
        for (DrawDifficulty d : DrawDifficulty.values()) {
            List<PoolItem> items = byDifficulty.get(d);
            int k = counts.get(d);
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(items.size() - i);
                PoolItem chosen = items.get(j);
                items.set(j, items.get(i));
                items.set(i, chosen);
                picked.add(chosen);
            }
        }
        shuffle(picked, random);

        List<DrawnQuestion> questions = new ArrayList<>(n);
        for (int position = 0; position < picked.size(); position++) {
            List<Integer> options = new ArrayList<>(optionCount);
            for (int o = 0; o < optionCount; o++) {
                options.add(o);
            }
            shuffle(options, random);
            PoolItem item = picked.get(position);
            questions.add(new DrawnQuestion(position, item.questionId(), item.difficulty(), options));
        }
        return new DrawnPaper(ALGORITHM, seed, questions);
    }

    /**
     * Splits {@code n} questions between difficulties by the largest-remainder (Hamilton) method: each
     * difficulty gets the floor of {@code n × percent / 100}; the seats left go one each to the largest
     * remainders; equal remainders are broken MEDIUM, then HARD, then EASY.
     * E.g. with 40/40/20: 30 → 12/12/6, 25 → 10/10/5, 7 → 3/3/1, 4 → 1/2/1, 1 → 0/1/0.
     */
    public static Map<DrawDifficulty, Integer> apportion(int n, DifficultyMix mix) {
        if (n < 0) {
            throw RuleViolation.conflict("DRAW_COUNT_NOT_POSITIVE", "Cannot apportion " + n + " questions.");
        }
        Map<DrawDifficulty, Integer> seats = new EnumMap<>(DrawDifficulty.class);
        Map<DrawDifficulty, Integer> remainders = new EnumMap<>(DrawDifficulty.class); // in hundredths of a seat
        int given = 0;
        for (DrawDifficulty d : DrawDifficulty.values()) {
            int exact = n * mix.percentOf(d);
            seats.put(d, exact / 100);
            remainders.put(d, exact % 100);
            given += exact / 100;
        }
        List<DrawDifficulty> order = new ArrayList<>(TIE_BREAK);
        order.sort(Comparator.comparing((DrawDifficulty d) -> remainders.get(d)).reversed()); // stable: ties keep TIE_BREAK order
        for (int i = 0; i < n - given; i++) {
            DrawDifficulty d = order.get(i);
            seats.merge(d, 1, Integer::sum);
        }
        return seats;
    }

    /**
     * Where a shortage of one difficulty is made up: the nearest difficulty first, harder on a tie
     * (001 §5.20.3 "average and above"): EASY → MEDIUM, HARD; MEDIUM → HARD, EASY; HARD → MEDIUM, EASY.
     */
    public static List<DrawDifficulty> fillOrder(DrawDifficulty shortOf) {
        return switch (shortOf) {
            case EASY -> List.of(DrawDifficulty.MEDIUM, DrawDifficulty.HARD);
            case MEDIUM -> List.of(DrawDifficulty.HARD, DrawDifficulty.EASY);
            case HARD -> List.of(DrawDifficulty.MEDIUM, DrawDifficulty.EASY);
        };
    }

    /**
     * The counts actually drawn: the target, capped by what the pool holds, with each shortage (in the
     * order EASY, MEDIUM, HARD) moved along {@link #fillOrder} to difficulties that still have spare items.
     */
    public static Map<DrawDifficulty, Integer> fill(Map<DrawDifficulty, Integer> target, Map<DrawDifficulty, Integer> available) {
        Map<DrawDifficulty, Integer> counts = new EnumMap<>(DrawDifficulty.class);
        int wanted = 0;
        int held = 0;
        for (DrawDifficulty d : DrawDifficulty.values()) {
            int t = target.getOrDefault(d, 0);
            int a = available.getOrDefault(d, 0);
            counts.put(d, Math.min(t, a));
            wanted += t;
            held += a;
        }
        if (wanted > held) {
            throw RuleViolation.conflict("DRAW_POOL_TOO_SMALL",
                    "Cannot draw " + wanted + " questions from a pool of " + held + ".");
        }
        for (DrawDifficulty shortOf : DrawDifficulty.values()) {
            int missing = Math.max(0, target.getOrDefault(shortOf, 0) - available.getOrDefault(shortOf, 0));
            for (DrawDifficulty from : fillOrder(shortOf)) {
                int spare = available.getOrDefault(from, 0) - counts.get(from);
                int moved = Math.min(missing, spare);
                counts.merge(from, moved, Integer::sum);
                missing -= moved;
            }
        }
        return counts;
    }

    private static <T> void shuffle(List<T> list, SplitMix64 random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
