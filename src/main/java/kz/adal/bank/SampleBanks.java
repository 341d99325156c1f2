package kz.adal.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Demo and test data: a plausible school-mathematics bank in Kazakh, Russian or English whose
 * questions are distinct, have 5 distinct options with one or more correct (001 §7.6), keep the
 * easy/medium/hard mix at 40/40/20 (001 §5.23.3) and are tagged {@code week-1}…{@code week-10}.
 * The same language, count and seed always give the same bank.
 */
public final class SampleBanks {
    public static final int MAX_COUNT = 2000;
    private static final int ATTEMPTS = 200;

    private SampleBanks() {
    }

    /** A family of questions on one week's topic: builds a question from random numbers. */
    private record Family(String topic, Difficulty difficulty, Function<Random, Built> build) {
    }

    /** Stem, the correct option texts and the wrong ones (together 5, all distinct). */
    private record Built(String stem, List<String> correct, List<String> wrong) {
    }

    /**
     * @param language {@code kk}, {@code ru} or {@code en}
     * @param count    number of questions, 0..{@value #MAX_COUNT}
     * @param seed     same seed, same bank
     */
    public static List<QuestionDraft> generate(String language, int count, long seed) {
        Texts texts = Texts.of(language);
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be within 0.." + MAX_COUNT + ", was " + count);
        }
        Random random = new Random(seed);
        List<Family> families = families(texts);
        List<Difficulty> plan = mix(count);
        Collections.shuffle(plan, random);
        Set<String> stems = new HashSet<>();
        int[] turn = new int[Difficulty.values().length];
        List<QuestionDraft> bank = new ArrayList<>(count);
        for (Difficulty difficulty : plan) {
            List<Family> candidates = families.stream().filter(f -> f.difficulty() == difficulty).toList();
            // Families take turns so every week's topic appears; a family that runs out of new stems yields.
            QuestionDraft made = null;
            for (int k = 0; k < candidates.size() && made == null; k++) {
                Family family = candidates.get((turn[difficulty.ordinal()] + k) % candidates.size());
                made = tryMake(family, random, stems);
            }
            if (made == null) {
                throw new IllegalStateException("Could not make " + count + " distinct " + difficulty.word()
                        + " questions; use a smaller count");
            }
            turn[difficulty.ordinal()]++;
            bank.add(made);
        }
        return List.copyOf(bank);
    }

    private static QuestionDraft tryMake(Family family, Random random, Set<String> stems) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Built built = family.build().apply(random);
            if (!stems.add(BankValidator.normalise(built.stem()))) {
                continue;
            }
            List<OptionDraft> options = new ArrayList<>();
            built.correct().forEach(t -> options.add(new OptionDraft(t, true)));
            built.wrong().forEach(t -> options.add(new OptionDraft(t, false)));
            Collections.shuffle(options, random);
            return new QuestionDraft(built.stem(), options, family.difficulty(), family.topic(), 0);
        }
        return null;
    }

    /** Exactly 40/40/20, rounding so the three add up to {@code count}. */
    private static List<Difficulty> mix(int count) {
        int easy = (int) Math.round(count * 0.4);
        int medium = (int) Math.round(count * 0.4);
        if (easy + medium > count) {
            medium = count - easy;
        }
        int hard = count - easy - medium;
        List<Difficulty> plan = new ArrayList<>(count);
        plan.addAll(Collections.nCopies(easy, Difficulty.EASY));
        plan.addAll(Collections.nCopies(medium, Difficulty.MEDIUM));
        plan.addAll(Collections.nCopies(hard, Difficulty.HARD));
        return plan;
    }

    private static List<Family> families(Texts t) {
        return List.of(
                new Family("week-1", Difficulty.EASY, r -> {
                    int a = between(r, 12, 499);
                    int b = between(r, 12, 499);
                    return numeric(t.expression(a + " + " + b), a + b, r, Function.identity());
                }),
                new Family("week-2", Difficulty.EASY, r -> {
                    int a = between(r, 100, 999);
                    int b = between(r, 11, a - 1);
                    return numeric(t.expression(a + " − " + b), a - b, r, Function.identity());
                }),
                new Family("week-3", Difficulty.MEDIUM, r -> {
                    int a = between(r, 11, 99);
                    int b = between(r, 3, 29);
                    return numeric(t.expression(a + " × " + b), a * b, r, Function.identity());
                }),
                new Family("week-4", Difficulty.EASY, r -> {
                    int unit = r.nextInt(3);
                    int n = between(r, 2, 48);
                    int factor = unit == 2 ? 24 : 60;
                    return numeric(t.conversion(unit, n), n * factor, r, Function.identity());
                }),
                new Family("week-5", Difficulty.MEDIUM, r -> {
                    int[] percents = {5, 10, 15, 20, 25, 30, 40, 50, 60, 75};
                    int p = percents[r.nextInt(percents.length)];
                    int n = between(r, 2, 90) * 20;
                    return numeric(t.percent(p, n), n * p / 100, r, Function.identity());
                }),
                new Family("week-6", Difficulty.HARD, r -> divisors(t, r)),
                new Family("week-7", Difficulty.HARD, r -> {
                    int a = between(r, 2, 12);
                    int x = between(r, 2, 40);
                    int b = between(r, 1, 90);
                    return numeric(t.linear(a, b, a * x + b), x, r, Function.identity());
                }),
                new Family("week-8", Difficulty.HARD, r -> {
                    int r1 = between(r, -9, 15);
                    int r2 = between(r, -9, 15);
                    if (r1 == r2 || r1 == 0 || r2 == 0) {
                        r2 = r1 + between(r, 1, 6);
                    }
                    boolean larger = r.nextBoolean();
                    String equation = quadratic(-(r1 + r2), r1 * r2);
                    return numeric(t.root(equation, larger), larger ? Math.max(r1, r2) : Math.min(r1, r2), r,
                            Function.identity());
                }),
                new Family("week-9", Difficulty.MEDIUM, r -> {
                    int base = between(r, 2, 19);
                    int power = between(r, 2, base <= 5 ? 6 : 3);
                    int value = (int) Math.round(Math.pow(base, power));
                    return numeric(t.expression(base + superscript(power)), value, r, Function.identity());
                }),
                new Family("week-10", Difficulty.MEDIUM, r -> {
                    int a = between(r, 3, 60);
                    int b = between(r, 2, a);
                    return numeric(t.area(a, b), a * b, r, t::squareCentimetres);
                }));
    }

    /** One correct number and four plausible wrong ones near it. */
    private static Built numeric(String stem, int answer, Random r, Function<String, String> unit) {
        Set<Integer> wrong = new LinkedHashSet<>();
        int[] deltas = {1, 2, 3, 5, 10, 11, 20, 100};
        while (wrong.size() < 4) {
            int delta = deltas[r.nextInt(deltas.length)] * (r.nextBoolean() ? 1 : -1);
            int candidate = answer + delta;
            if (candidate != answer && (answer < 0 || candidate >= 0)) {
                wrong.add(candidate);
            }
        }
        return new Built(stem, List.of(unit.apply(Integer.toString(answer))),
                wrong.stream().map(w -> unit.apply(Integer.toString(w))).toList());
    }

    /** "Which of these are divisors of n?" with two or three correct: the multiple-response case. */
    private static Built divisors(Texts t, Random r) {
        while (true) {
            int n = between(r, 24, 600);
            List<Integer> proper = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int d = 2; d < n && d <= 60; d++) {
                (n % d == 0 ? proper : others).add(d);
            }
            int correctCount = 2 + r.nextInt(2);
            if (proper.size() < correctCount) {
                continue;
            }
            Collections.shuffle(proper, r);
            Collections.shuffle(others, r);
            List<Integer> correct = new ArrayList<>(proper.subList(0, correctCount));
            List<Integer> wrong = new ArrayList<>(others.subList(0, 5 - correctCount));
            return new Built(t.divisors(n), correct.stream().map(String::valueOf).toList(),
                    wrong.stream().map(String::valueOf).toList());
        }
    }

    private static String quadratic(int b, int c) {
        StringBuilder s = new StringBuilder("x²");
        if (b != 0) {
            s.append(b > 0 ? " + " : " − ").append(Math.abs(b) == 1 ? "" : Math.abs(b)).append('x');
        }
        if (c != 0) {
            s.append(c > 0 ? " + " : " − ").append(Math.abs(c));
        }
        return s.append(" = 0").toString();
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    private static int between(Random r, int from, int to) {
        return from + r.nextInt(to - from + 1);
    }

    /** The wording of each family in one language. */
    private enum Texts {
        KK {
            String expression(String e) { return e + " өрнегінің мәні неге тең?"; }
            String conversion(int unit, int n) {
                return switch (unit) {
                    case 0 -> n + " сағат неше минутқа тең?";
                    case 1 -> n + " минут неше секундқа тең?";
                    default -> n + " тәулік неше сағатқа тең?";
                };
            }
            String percent(int p, int n) { return n + " санының " + p + "%-ы неге тең?"; }
            String linear(int a, int b, int c) { return a + "x + " + b + " = " + c + " теңдеуін шешіңіз. x неге тең?"; }
            String root(String eq, boolean larger) {
                return eq + " теңдеуінің " + (larger ? "үлкен" : "кіші") + " түбірі неге тең?";
            }
            String area(int a, int b) {
                return "Тіктөртбұрыштың ұзындығы " + a + " см, ені " + b + " см. Оның ауданы неге тең?";
            }
            String divisors(int n) { return "Төмендегі сандардың қайсылары " + n + " санының бөлгіштері болады?"; }
            String squareCentimetres(String v) { return v + " см²"; }
        },
        RU {
            String expression(String e) { return "Чему равно значение выражения " + e + "?"; }
            String conversion(int unit, int n) {
                return switch (unit) {
                    case 0 -> "Сколько минут в " + n + " ч?";
                    case 1 -> "Сколько секунд в " + n + " мин?";
                    default -> "Сколько часов в " + n + " сутках?";
                };
            }
            String percent(int p, int n) { return "Сколько составляет " + p + "% от числа " + n + "?"; }
            String linear(int a, int b, int c) { return "Решите уравнение " + a + "x + " + b + " = " + c + ". Чему равен x?"; }
            String root(String eq, boolean larger) {
                return "Чему равен " + (larger ? "больший" : "меньший") + " корень уравнения " + eq + "?";
            }
            String area(int a, int b) {
                return "Длина прямоугольника " + a + " см, ширина " + b + " см. Чему равна его площадь?";
            }
            String divisors(int n) { return "Какие из следующих чисел являются делителями числа " + n + "?"; }
            String squareCentimetres(String v) { return v + " см²"; }
        },
        EN {
            String expression(String e) { return "What is the value of " + e + "?"; }
            String conversion(int unit, int n) {
                return switch (unit) {
                    case 0 -> "How many minutes are there in " + n + " hours?";
                    case 1 -> "How many seconds are there in " + n + " minutes?";
                    default -> "How many hours are there in " + n + " days?";
                };
            }
            String percent(int p, int n) { return "What is " + p + "% of " + n + "?"; }
            String linear(int a, int b, int c) { return "Solve " + a + "x + " + b + " = " + c + ". What is x?"; }
            String root(String eq, boolean larger) {
                return "What is the " + (larger ? "larger" : "smaller") + " root of " + eq + "?";
            }
            String area(int a, int b) {
                return "A rectangle is " + a + " cm long and " + b + " cm wide. What is its area?";
            }
            String divisors(int n) { return "Which of the following numbers are divisors of " + n + "?"; }
            String squareCentimetres(String v) { return v + " cm²"; }
        };

        abstract String expression(String expression);

        abstract String conversion(int unit, int n);

        abstract String percent(int percent, int n);

        abstract String linear(int a, int b, int c);

        abstract String root(String equation, boolean larger);

        abstract String area(int length, int width);

        abstract String divisors(int n);

        abstract String squareCentimetres(String value);

        static Texts of(String language) {
            if (language == null) {
                throw new IllegalArgumentException("language must be kk, ru or en");
            }
            return switch (language.strip().toLowerCase(Locale.ROOT)) {
                case "kk" -> KK;
                case "ru" -> RU;
                case "en" -> EN;
                default -> throw new IllegalArgumentException("language must be kk, ru or en, was " + language);
            };
        }
    }
}
