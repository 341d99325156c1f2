package kz.adal.bank.format;

import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GIFT, multiple-choice subset, read the way Moodle reads it: questions are separated by blank
 * lines, whole-line {@code //} comments are ignored except Moodle's {@code [tag:...]} markers,
 * {@code $CATEGORY:} sets the category for the questions after it. Answers {@code =right ~wrong},
 * or {@code ~%50%right ~%-50%wrong} for several correct (a positive weight means correct).
 * Feedback after {@code #} is ignored. Other GIFT question types are reported, not imported.
 */
final class GiftFormat {
    private static final Pattern TAG = Pattern.compile("\\[tag:\\s*([^]]+)]");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile("^\\s*%(-?[0-9]+(?:\\.[0-9]+)?)%");
    private static final String SPECIAL = "~=#{}:";

    private GiftFormat() {
    }

    static void read(String text, ImportOptions settings, List<QuestionDraft> out, List<ImportProblem> problems) {
        String[] lines = text.split("\n", -1);
        String categoryTopic = null;
        int items = 0;
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            List<String> tags = new ArrayList<>();
            List<String> content = new ArrayList<>();
            int firstContentLine = 0;
            for (; i < lines.length && !lines[i].isBlank(); i++) {
                String line = lines[i].strip();
                if (line.startsWith("//")) {
                    Matcher m = TAG.matcher(line);
                    while (m.find()) {
                        tags.add(m.group(1));
                    }
                } else {
                    if (content.isEmpty()) {
                        firstContentLine = i + 1;
                    }
                    content.add(line);
                }
            }
            if (content.isEmpty()) {
                continue; // a comment-only block
            }
            String block = String.join("\n", content);
            if (block.regionMatches(true, 0, "$CATEGORY:", 0, 10)) {
                categoryTopic = MoodleCategories.topic(block.substring(10).strip());
                continue;
            }
            ItemBuilder item = new ItemBuilder(firstContentLine, ++items);
            parseQuestion(block, item);
            if (!item.hasProblems()) {
                tags.forEach(item::tag);
            }
            QuestionDraft draft = item.finish(settings, categoryTopic, problems);
            if (draft != null) {
                out.add(draft);
            }
        }
    }

    private static void parseQuestion(String block, ItemBuilder item) {
        String text = block;
        if (text.startsWith("::")) {
            int end = indexOfUnescaped(text, "::", 2);
            if (end < 0) {
                item.problem("MALFORMED", "The title starts with '::' but has no closing '::'.");
                return;
            }
            text = text.substring(end + 2).strip();
        }
        int open = indexOfUnescaped(text, "{", 0);
        if (open < 0) {
            item.problem("UNSUPPORTED_TYPE", "This is a description (no answers in { }); only multiple"
                    + " choice questions are imported (001 §7.6).");
            return;
        }
        int close = indexOfUnescaped(text, "}", open + 1);
        if (close < 0) {
            item.problem("MALFORMED", "The answers start with '{' but have no closing '}'.");
            return;
        }
        String before = text.substring(0, open).strip();
        String answers = text.substring(open + 1, close).strip();
        String after = text.substring(close + 1).strip();
        String type = typeOf(answers);
        if (!type.equals("multichoice")) {
            item.problem("UNSUPPORTED_TYPE", "GIFT " + type + " questions are not imported; only multiple"
                    + " choice with 5 options (001 §7.6).");
            return;
        }
        boolean html = false;
        Matcher format = FORMAT.matcher(before);
        if (format.find()) {
            html = format.group(1).equalsIgnoreCase("html");
            before = before.substring(format.end()).strip();
        }
        String stem = unescape(before);
        if (!after.isEmpty()) {
            stem = stem + " _____ " + unescape(after); // Moodle's "missing word" layout
        }
        if (html) {
            String refusal = HtmlText.refusal(stem);
            if (refusal != null) {
                item.problem("UNSUPPORTED_CONTENT", refusal);
                return;
            }
            stem = HtmlText.toPlain(stem);
        }
        item.stem = stem.strip();
        readChoices(answers, item, html);
    }

    /** The GIFT question type as Moodle decides it from the answer part. */
    private static String typeOf(String answers) {
        if (answers.isEmpty()) {
            return "essay";
        }
        if (answers.startsWith("#")) {
            return "numerical";
        }
        if (indexOfUnescaped(answers, "~", 0) >= 0) {
            return "multichoice";
        }
        if (indexOfUnescaped(answers, "=", 0) >= 0 && answers.contains("->")) {
            return "matching";
        }
        int hash = indexOfUnescaped(answers, "#", 0);
        String head = (hash >= 0 ? answers.substring(0, hash) : answers).strip().toUpperCase(Locale.ROOT);
        if (head.equals("T") || head.equals("F") || head.equals("TRUE") || head.equals("FALSE")) {
            return "true/false";
        }
        return "short answer";
    }

    private static void readChoices(String answers, ItemBuilder item, boolean html) {
        List<Integer> starts = new ArrayList<>();
        for (int p = 0; p < answers.length(); p++) {
            char c = answers.charAt(p);
            if (c == '\\') {
                p++;
            } else if (c == '=' || c == '~') {
                starts.add(p);
            }
        }
        if (starts.isEmpty() || !answers.substring(0, starts.get(0)).isBlank()) {
            item.problem("MALFORMED", "Text before the first answer; each answer starts with '=' or '~'.");
            return;
        }
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : answers.length();
            boolean equalsSign = answers.charAt(from) == '=';
            String body = answers.substring(from + 1, to);
            Double weight = null;
            Matcher w = WEIGHT.matcher(body);
            if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                body = body.substring(w.end());
            }
            int feedback = indexOfUnescaped(body, "#", 0);
            if (feedback >= 0) {
                body = body.substring(0, feedback); // feedback is not kept
            }
            String optionText = unescape(body.strip()).strip();
            if (html) {
                String refusal = HtmlText.refusal(optionText);
                if (refusal != null) {
                    item.problem("UNSUPPORTED_CONTENT", refusal);
                    return;
                }
                optionText = HtmlText.toPlain(optionText);
            }
            boolean correct = equalsSign ? weight == null || weight > 0 : weight != null && weight > 0;
            item.options.add(new OptionDraft(optionText, correct));
        }
    }

    static int indexOfUnescaped(String s, String needle, int from) {
        for (int p = from; p < s.length(); p++) {
            if (s.charAt(p) == '\\') {
                p++;
            } else if (s.startsWith(needle, p)) {
                return p;
            }
        }
        return -1;
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int p = 0; p < s.length(); p++) {
            char c = s.charAt(p);
            if (c == '\\' && p + 1 < s.length()) {
                char next = s.charAt(p + 1);
                if (next == 'n') {
                    sb.append('\n');
                    p++;
                    continue;
                }
                if (next == '\\' || SPECIAL.indexOf(next) >= 0) {
                    sb.append(next);
                    p++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '\\' || SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static byte[] write(List<QuestionDraft> questions) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < questions.size(); q++) {
            QuestionDraft question = questions.get(q);
            QuestionExporter.requireText(question, q);
            List<String> tags = new ArrayList<>();
            if (question.difficulty() != null) {
                tags.add("difficulty:" + question.difficulty().word());
            }
            if (question.topic() != null) {
                String topic = question.topic().strip();
                if (topic.contains("]") || topic.contains("\n")) {
                    throw new BankExportException("UNREPRESENTABLE_TOPIC", q,
                            "a GIFT tag cannot hold ']' or a line break in the topic '" + topic + "'.");
                }
                tags.add("topic:" + topic);
            }
            if (!tags.isEmpty()) {
                sb.append("//");
                tags.forEach(t -> sb.append(" [tag:").append(t).append(']'));
                sb.append('\n');
            }
            String stem = question.stem().strip();
            // A stem starting like a comment, a category or a format marker gets an explicit [plain].
            if (stem.startsWith("[") || stem.startsWith("/") || stem.startsWith("$")) {
                sb.append("[plain]");
            }
            sb.append(escape(stem)).append(" {\n");
            long correct = question.correctCount();
            int n = question.options().size();
            if (correct == n && n == 1) {
                throw new BankExportException("UNREPRESENTABLE_QUESTION", q,
                        "a single correct option with no other would read back as a short-answer question.");
            }
            for (OptionDraft option : question.options()) {
                String text = option.text().strip();
                String marker;
                if (correct == 1) {
                    marker = option.correct() ? "=" : "~";
                    if (text.startsWith("%")) {
                        marker += option.correct() ? "%100%" : "%0%";
                    }
                } else {
                    // Several (or no) correct options: Moodle's multiple-response weights.
                    marker = "~%" + (option.correct() ? weight(100, correct) : weight(-100, n - correct)) + "%";
                }
                sb.append('\t').append(marker).append(escape(text)).append('\n');
            }
            sb.append("}\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Share of {@code total} over {@code parts}, as Moodle writes grade fractions (e.g. 33.33333). */
    private static String weight(int total, long parts) {
        if (parts == 0) {
            return "0";
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(parts), 5, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
