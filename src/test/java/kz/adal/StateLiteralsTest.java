package kz.adal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No state as a string outside its enum (issue #19): a state is compared, assigned, sent and queried as the enum
 * ({@code AttemptState.SUBMITTED}, {@code :state} bound to it in JPQL), so a renamed or removed state fails to compile
 * instead of silently never matching. This reads the main sources as text for the usual slips. Pages do the same
 * with the constants of web/js/states.js, which must list exactly each enum's constants.
 */
class StateLiteralsTest {

    /** Each catches one way of writing a state as a string; {@link #thePatternsCatchTheSlipsTheyAreFor} shows which. */
    static final List<Pattern> SLIPS = Stream.of(
            // SQL or JPQL: state = 'SUBMITTED', stage <> 'DONE'
            "\\b(?:state|stage|status|decision|choice|verdict)\\s*(?:=|<>|!=)\\s*'[A-Z][A-Z_]*'",
            // SQL or JPQL: state in ('DRAFT', 'SIGNED')
            "\\b(?:state|stage|status|decision|choice|verdict)\\s+(?:not\\s+)?in\\s*\\(\\s*'[A-Z]",
            // Java: state = "INDIVIDUAL_SHEET", stage == "DONE"
            "\\b(?:state|stage|status|decision|choice|verdict|signedAs)(?:\\(\\))?\\s*(?:==|!=|=)\\s*\"[A-Z][A-Z_]*\"",
            // Java: "DECIDED".equals(v.state())
            "\"[A-Z][A-Z_]+\"\\.equals\\([\\w.]*(?:[sS]tate|[sS]tage|[sS]tatus|[dD]ecision|[cC]hoice|[vV]erdict|signedAs)\\w*(?:\\(\\))?\\)",
            // Java: state.equals("NOT_ADMITTED")
            "\\b\\w*(?:[sS]tate|[sS]tage|[sS]tatus|[dD]ecision|[cC]hoice|[vV]erdict|signedAs)(?:\\(\\))?\\.equals\\(\"[A-Z][A-Z_]*\"\\)",
            // a message or a record: .put("state", "SUSPENDED"), Map.of("stage", "ANSWER_PAUSED")
            "\"(?:state|stage|status|decision|choice|verdict)\"\\s*,\\s*\"[A-Z][A-Z_]*\""
    ).map(Pattern::compile).toList();

    @Test
    void mainCodeWritesNoStateAsAString() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (SLIPS.stream().anyMatch(p -> p.matcher(line).find())) found.add(f + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "a state written as a string; use its enum (bind it as a query parameter):\n  "
                + String.join("\n  ", found));
    }

    /**
     * Decisions and outcomes that are not lifecycles but are compared all the same (issue #19): the act's decision
     * and a member's vote, the appeal's decision and who signed it, a grade-sheet row annulled by a review. Their
     * constants are never written as a string in the main code ({@code case "RESUME" ->}, {@code "VOID".equals(d)},
     * {@code Act.count("... decision = ?2", id, "RESUME")}): each is named through its enum. Their names are unlike
     * anything else the code spells (the commission seats CHAIR and MEMBER are checked by the patterns above).
     */
    static final List<String> OUTCOMES = List.of("kz.adal.casework.ActDecision", "kz.adal.casework.Appeal.Decision",
            "kz.adal.attempt.AttemptExamResults.Standing");

    @Test
    void mainCodeWritesNoOutcomeAsAString() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (String e : OUTCOMES) Arrays.stream(enumNamed(e).getEnumConstants()).forEach(c -> names.add(((Enum<?>) c).name()));
        assertTrue(names.containsAll(List.of("RESUME", "VOID", "RESIT", "REJECT", "UPHELD", "REJECTED", "ANNULLED")), names.toString());
        Pattern literal = outcomeLiteral(names);
        for (String slip : List.of("case \"RESUME\" -> {", "Act.count(\"attemptId = ?1 and decision = ?2\", attemptId, \"RESUME\")",
                "annulled ? \"ANNULLED\" : a.state.name()")) {
            assertTrue(literal.matcher(slip).find(), "not caught: " + slip);
        }
        assertFalse(literal.matcher("w.t(\"act.choice.\" + a.decision)").find());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.strip().startsWith("*") && literal.matcher(line).find()) found.add(f + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "a decision or outcome written as a string; use its enum (" + OUTCOMES + "):\n  "
                + String.join("\n  ", found));
    }

    /** "RESUME" as a whole string literal (in Java or in SQL quotes), not a part of a longer key. */
    static Pattern outcomeLiteral(Set<String> names) {
        return Pattern.compile("[\"'](?:" + String.join("|", names) + ")[\"']");
    }

    @Test
    void thePatternsCatchTheSlipsTheyAreFor() {
        for (String slip : List.of(
                "\"select count(a) from Attempt a where a.examId = :exam and a.state = 'SUBMITTED'\"",
                "\"where t.stage in ('GRADED', 'PUBLISHED')\"",
                "state = \"INDIVIDUAL_SHEET\";",
                ".thenComparing(v -> \"DECIDED\".equals(v.state()))",
                "if (state.equals(\"NOT_ADMITTED\")) {",
                "json.createObjectNode().put(\"type\", \"state\").put(\"state\", \"SUSPENDED\")",
                "if (!\"RESIT\".equals(decision)) throw", "a.signedAs.equals(\"DEPUTY_CHAIR\")", "detail.put(\"decision\", \"RESUME\")",
                "Act.count(\"attemptId = ?1 and decision = 'RESUME'\")")) {
            assertTrue(SLIPS.stream().anyMatch(p -> p.matcher(slip).find()), "not caught: " + slip);
        }
        for (String fine : List.of(
                "a.state = :state", "state = AttemptState.SUBMITTED;", "put(\"state\", AttemptState.SUSPENDED.name())",
                "sittings.event(s.id, t.id, \"PUBLISHED\", actor, note)")) {
            assertTrue(SLIPS.stream().noneMatch(p -> p.matcher(fine).find()), "caught though fine: " + fine);
        }
    }

    /** In web/js: x.state === 'SUBMITTED', ['A', 'B'].includes(turn.stage). */
    static final List<Pattern> JS_SLIPS = Stream.of(
            "\\b\\w*(?:[sS]tate|[sS]tage|[sS]tatus)\\s*(?:===|!==|==|!=)\\s*['\"][A-Z][A-Z_]*['\"]",
            "\\[(?:\\s*['\"][A-Z][A-Z_]*['\"]\\s*,?)+\\]\\.includes\\([\\w.?]*(?:[sS]tate|[sS]tage|[sS]tatus)\\)"
    ).map(Pattern::compile).toList();

    static final Path WEB_JS = Path.of("web/js");

    /**
     * The casework pages (web/js/casework-*.js) also compare decisions and seats with the constants of states.js
     * ({@code ActDecision}, {@code AppealDecision}, {@code AppealSeat}, {@code CommissionSeat}): a.decision === 'UPHELD'.
     */
    static final List<Pattern> CASEWORK_JS_SLIPS = Stream.of(
            "\\b\\w*(?:[dD]ecision|[cC]hoice|[vV]ote|signedAs|[sS]eat|[rR]ole)\\s*(?:===|!==|==|!=)\\s*['\"][A-Z][A-Z_]*['\"]",
            "\\b(?:decide|vote)\\(\\s*['\"][A-Z][A-Z_]*['\"]",
            "\\[(?:\\s*['\"][A-Z][A-Z_]*['\"]\\s*,?)+\\]\\.includes\\([\\w.?]*(?:[dD]ecision|[cC]hoice|[sS]eat|[rR]ole)\\)"
    ).map(Pattern::compile).toList();

    @Test
    void caseworkPagesCompareNoDecisionWithAString() throws IOException {
        for (String slip : List.of("a.decision === 'UPHELD'", "a.signedAs === \"DEPUTY_CHAIR\"", "m.seat !== 'SECRETARY'",
                "v.seats.find(s => s.role === 'CHAIR')", "onclick: () => decide('REJECTED')", "['RESUME', 'VOID'].includes(a.decision)")) {
            assertTrue(CASEWORK_JS_SLIPS.stream().anyMatch(p -> p.matcher(slip).find()), "not caught: " + slip);
        }
        assertFalse(CASEWORK_JS_SLIPS.stream().anyMatch(p -> p.matcher("a.decision === AppealDecision.UPHELD").find()));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(WEB_JS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("casework-.*\\.js")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (CASEWORK_JS_SLIPS.stream().anyMatch(p -> p.matcher(line).find())) found.add(f + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(found.size() == 0, "a decision or seat compared with a string; use the constants of web/js/states.js:\n  "
                + String.join("\n  ", found));
    }

    @Test
    void pagesCompareNoStateWithAString() throws IOException {
        for (String slip : List.of("if (a.state === 'DECIDED')", "x.attemptState !== \"SUSPENDED\"", "['WAITING', 'CHECKED'].includes(turn.stage)")) {
            assertTrue(JS_SLIPS.stream().anyMatch(p -> p.matcher(slip).find()), "not caught: " + slip);
        }
        assertFalse(JS_SLIPS.stream().anyMatch(p -> p.matcher("if (a.state === AppealState.DECIDED)").find()));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(WEB_JS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (JS_SLIPS.stream().anyMatch(p -> p.matcher(line).find())) found.add(f + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "a state compared with a string; use the constants of web/js/states.js:\n  "
                + String.join("\n  ", found));
    }

    /** Each {@code export const X = Object.freeze({...})} of states.js, after the doc comment naming its enum. */
    static final Pattern JS_ENUM = Pattern.compile(
            "/\\*\\* (kz\\.adal\\.[\\w.]+) \\*/\\s*export const (\\w+) = Object\\.freeze\\(\\{(.*?)\\}\\);", Pattern.DOTALL);

    @Test
    void statesJsListsExactlyTheConstantsOfEachEnum() throws Exception {
        String js = Files.readString(WEB_JS.resolve("states.js"));
        int exports = (int) Pattern.compile("^export ", Pattern.MULTILINE).matcher(js).results().count();
        Matcher m = JS_ENUM.matcher(js);
        int checked = 0;
        while (m.find()) {
            Class<?> type = enumNamed(m.group(1));
            Set<String> java = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> page = new LinkedHashSet<>();
            Matcher entry = Pattern.compile("(\\w+): '(\\w+)'").matcher(m.group(3));
            while (entry.find()) {
                assertEquals(entry.group(1), entry.group(2), m.group(2) + ": a constant's value is its name");
                page.add(entry.group(1));
            }
            assertEquals(java, page, "web/js/states.js " + m.group(2) + " against " + m.group(1));
            checked++;
        }
        assertEquals(exports, checked, "every export of web/js/states.js names its enum in the comment above it");
        assertTrue(checked > 10);
    }

    /** {@code kz.adal.casework.Act.State} → the nested class {@code Act$State}. */
    static Class<?> enumNamed(String dotted) throws ClassNotFoundException {
        String name = dotted;
        while (true) {
            try {
                Class<?> c = Class.forName(name, false, StateLiteralsTest.class.getClassLoader());
                assertTrue(c.isEnum(), dotted + " is not an enum");
                return c;
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0 || name.lastIndexOf('$') > dot) throw e;
                name = name.substring(0, dot) + '$' + name.substring(dot + 1);
            }
        }
    }
}
