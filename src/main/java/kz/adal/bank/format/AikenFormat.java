package kz.adal.bank.format;

import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aiken, the plain-text template of 004 form 05, as Moodle reads it, plus two optional Adal lines:
 *
 * <pre>
 * Stem (one or more lines)
 * A. option          (or "A) option"; letters A, B, C... in order)
 * ...
 * E. option
 * ANSWER: B          (exactly one letter: Aiken has one correct answer)
 * DIFFICULTY: easy   (optional; easy|medium|hard, also жеңіл/орташа/қиын, лёгкий/средний/сложный)
 * TOPIC: week-3      (optional)
 * </pre>
 *
 * Items are separated by blank lines. The first line of an item is always stem text. Cyrillic А, В, С, Е typed in place of the Latin letters
 * (same shapes, a common slip on a Kazakh or Russian keyboard) are read as A, B, C, E.
 */
final class AikenFormat {
    private static final Pattern OPTION = Pattern.compile("^([A-Z])[.)](?:[ \\t]+(.*))?$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("^(DIFFICULTY|TOPIC)\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERAL_LETTERS = Pattern.compile("^[A-Z](?:\\s*[,;\\s]\\s*[A-Z])+$");

    private AikenFormat() {
    }

    private enum State { BETWEEN, STEM, OPTIONS, ANSWERED, SKIPPING, SKIPPING_AFTER_ANSWER }

    static void read(String text, ImportOptions settings, List<QuestionDraft> out, List<ImportProblem> problems) {
        String[] lines = text.split("\n", -1);
        State state = State.BETWEEN;
        ItemBuilder item = null;
        List<String> stemLines = new ArrayList<>();
        int items = 0;
        int i = 0;
        while (i < lines.length) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            boolean blank = line.isEmpty();
            Matcher option = OPTION.matcher(foldLabel(line));
            Matcher answer = ANSWER.matcher(foldLabel(line));
            Matcher meta = META.matcher(line);
            switch (state) {
                case BETWEEN -> {
                    if (!blank) {
                        item = new ItemBuilder(lineNo, ++items);
                        stemLines.clear();
                        state = State.STEM;
                        continue; // read this line again as the start of the item
                    }
                }
                case STEM -> {
                    if (stemLines.isEmpty()) {
                        // The first line of an item is always its stem, even "A. Baitursynuly ..."
                        stemLines.add(line);
                    } else if (option.matches()) {
                        item.stem = joinStem(stemLines);
                        addOption(item, option, lineNo);
                        state = State.OPTIONS;
                    } else if (answer.matches()) {
                        item.stem = joinStem(stemLines);
                        item.problem("MALFORMED", "Line " + lineNo + ": ANSWER comes before any option"
                                + " (options are lines like 'A. text').");
                        state = State.SKIPPING_AFTER_ANSWER;
                    } else {
                        stemLines.add(line); // blank lines inside a stem are kept as paragraph breaks
                    }
                }
                case OPTIONS -> {
                    if (option.matches()) {
                        addOption(item, option, lineNo);
                    } else if (answer.matches()) {
                        readAnswer(item, answer.group(1).strip(), lineNo);
                        state = State.ANSWERED;
                    } else if (blank) {
                        item.problem("MISSING_ANSWER", "No 'ANSWER: <letter>' line after the options.");
                        finish(item, settings, out, problems);
                        state = State.BETWEEN;
                    } else {
                        item.problem("MALFORMED", "Line " + lineNo + " is neither an option ('A. text')"
                                + " nor 'ANSWER: <letter>'; an option must fit on one line.");
                        state = State.SKIPPING;
                    }
                }
                case ANSWERED, SKIPPING_AFTER_ANSWER -> {
                    if (meta.matches()) {
                        if (state == State.ANSWERED) {
                            if (meta.group(1).equalsIgnoreCase("DIFFICULTY")) {
                                item.difficultyWord(meta.group(2));
                            } else {
                                item.topic(meta.group(2));
                            }
                        }
                    } else {
                        finish(item, settings, out, problems);
                        state = State.BETWEEN;
                        if (!blank) {
                            continue; // no blank line between items: this line starts the next one
                        }
                    }
                }
                case SKIPPING -> {
                    if (answer.matches()) {
                        state = State.SKIPPING_AFTER_ANSWER;
                    } else if (blank) {
                        finish(item, settings, out, problems);
                        state = State.BETWEEN;
                    }
                }
            }
            i++;
        }
        switch (state) {
            case BETWEEN -> { }
            case STEM -> {
                item.stem = joinStem(stemLines);
                item.problem("MALFORMED", "The file ends with question text that has no options or ANSWER.");
                finish(item, settings, out, problems);
            }
            case OPTIONS -> {
                item.problem("MISSING_ANSWER", "No 'ANSWER: <letter>' line after the options.");
                finish(item, settings, out, problems);
            }
            default -> finish(item, settings, out, problems);
        }
    }

    private static void finish(ItemBuilder item, ImportOptions settings, List<QuestionDraft> out,
                               List<ImportProblem> problems) {
        QuestionDraft draft = item.finish(settings, null, problems);
        if (draft != null) {
            out.add(draft);
        }
    }

    private static void addOption(ItemBuilder item, Matcher option, int lineNo) {
        char letter = option.group(1).charAt(0);
        char expected = (char) ('A' + item.options.size());
        if (letter != expected && !item.hasProblems()) {
            item.problem("MALFORMED", "Line " + lineNo + ": option " + letter + " where " + expected
                    + " was expected; options are lettered A, B, C, D, E in order.");
        }
        String text = option.group(2) == null ? "" : option.group(2).strip();
        item.options.add(new OptionDraft(text, false));
    }

    private static void readAnswer(ItemBuilder item, String value, int lineNo) {
        String letters = foldLabel(value).toUpperCase(java.util.Locale.ROOT);
        if (value.isEmpty()) {
            item.problem("INVALID_ANSWER", "Line " + lineNo + ": ANSWER has no letter.");
        } else if (SEVERAL_LETTERS.matcher(letters).matches()) {
            // 004 form 05: Aiken carries one correct answer; several need GIFT or Moodle XML.
            item.problem("INVALID_ANSWER", "Line " + lineNo + ": ANSWER '" + value + "' names several"
                    + " options; Aiken allows one correct answer. Use GIFT or Moodle XML for several.");
        } else if (letters.length() != 1 || letters.charAt(0) < 'A' || letters.charAt(0) > 'Z') {
            item.problem("INVALID_ANSWER", "Line " + lineNo + ": ANSWER '" + value
                    + "' is not a single option letter.");
        } else {
            int index = letters.charAt(0) - 'A';
            if (index >= item.options.size()) {
                item.problem("ANSWER_NOT_AN_OPTION", "Line " + lineNo + ": ANSWER " + letters
                        + " but the question has options A to " + (char) ('A' + item.options.size() - 1) + ".");
            } else {
                item.options.set(index, new OptionDraft(item.options.get(index).text(), true));
            }
        }
    }

    /** Stem lines stripped, leading/trailing blank lines dropped, runs of blank lines made one. */
    private static String joinStem(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean pendingBlank = false;
        for (String l : lines) {
            if (l.isEmpty()) {
                pendingBlank = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(pendingBlank ? "\n\n" : "\n");
            }
            sb.append(l);
            pendingBlank = false;
        }
        return sb.toString();
    }

    /** Reads Cyrillic А В С Е at the start of a line as the Latin letters they look like. */
    private static String foldLabel(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = switch (line.charAt(0)) {
            case '\u0410' -> 'A';
            case '\u0412' -> 'B';
            case '\u0421' -> 'C';
            case '\u0415' -> 'E';
            default -> line.charAt(0);
        };
        return c + line.substring(1);
    }

    static byte[] write(List<QuestionDraft> questions) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < questions.size(); q++) {
            QuestionDraft question = questions.get(q);
            checkWritable(question, q);
            sb.append(normalisedStem(question.stem())).append('\n');
            int correct = -1;
            for (int o = 0; o < question.options().size(); o++) {
                OptionDraft option = question.options().get(o);
                sb.append((char) ('A' + o)).append(". ").append(option.text().strip()).append('\n');
                if (option.correct()) {
                    correct = o;
                }
            }
            sb.append("ANSWER: ").append((char) ('A' + correct)).append('\n');
            if (question.difficulty() != null) {
                sb.append("DIFFICULTY: ").append(question.difficulty().word()).append('\n');
            }
            if (question.topic() != null) {
                sb.append("TOPIC: ").append(question.topic().strip()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The stem as the reader will give it back: lines trimmed, one blank line between paragraphs. */
    private static String normalisedStem(String stem) {
        return joinStem(List.of(stem.split("\n", -1)).stream().map(String::strip).toList());
    }

    private static void checkWritable(QuestionDraft question, int index) {
        QuestionExporter.requireText(question, index);
        if (question.correctCount() != 1) {
            throw new BankExportException("AIKEN_SINGLE_CORRECT_ONLY", index, "has " + question.correctCount()
                    + " correct options; Aiken (004 form 05) carries exactly one. Export it as GIFT or Moodle XML.");
        }
        if (question.options().size() > 26) {
            throw new BankExportException("TOO_MANY_OPTIONS", index, "Aiken letters options A to Z only.");
        }
        String[] stemLines = normalisedStem(question.stem()).split("\n");
        for (int l = 1; l < stemLines.length; l++) { // the first line is always read as stem
            String line = stemLines[l];
            String folded = foldLabel(line);
            if (OPTION.matcher(folded).matches() || ANSWER.matcher(folded).matches()) {
                throw new BankExportException("AIKEN_UNREPRESENTABLE_TEXT", index, "the stem line '"
                        + QuestionDraft.excerpt(line) + "' would be read back as an option or ANSWER line.");
            }
        }
        for (OptionDraft option : question.options()) {
            if (option.text().strip().contains("\n")) {
                throw new BankExportException("AIKEN_UNREPRESENTABLE_TEXT", index, "option '"
                        + QuestionDraft.excerpt(option.text()) + "' spans several lines; an Aiken option is one line.");
            }
        }
        if (question.topic() != null && question.topic().strip().contains("\n")) {
            throw new BankExportException("UNREPRESENTABLE_TOPIC", index, "the topic must be one line.");
        }
    }
}
