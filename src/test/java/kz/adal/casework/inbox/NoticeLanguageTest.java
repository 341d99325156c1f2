package kz.adal.casework.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.casework.ActDecision;
import kz.adal.identity.UserRows;
import kz.adal.identity.Role;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notices and their mails are worded per recipient from templates/notices/<name>.<lang>.txt: every template
 * exists in kk, ru and en, renders with its values (dates as people read them, decisions by their labels),
 * and a Kazakh reader's notice is Kazakh — never "…voted RESUME", an ISO time or an unfilled placeholder.
 */
@QuarkusTest
class NoticeLanguageTest {
    static final Path DIR = Path.of("src/main/resources/templates/notices");
    static final Pattern RAW = Pattern.compile("\\b(RESUME|VOID|RESIT|REJECT|UPHELD|REJECTED)\\b|\\d{4}-\\d{2}-\\d{2}|\\{|NOT_FOUND|null");

    @Inject NoticeTexts texts;
    @Inject Inbox inbox;

    static Map<String, Object> sample(String decision) {
        Map<String, Object> d = new HashMap<>();
        Instant at = Instant.parse("2026-12-01T09:05:00Z");
        for (String k : List.of("title", "student", "signer", "whatHappened", "effect", "measures", "reason", "note", "before", "after",
                "bank", "by", "sitting", "dean", "chair", "exam", "resitTitle", "hearingLink")) d.put(k, "«" + k + "»");
        d.put("signedAt", at);
        d.put("at", at);
        d.put("dueOn", LocalDate.of(2026, 12, 1));
        d.put("date", LocalDate.of(2026, 12, 1));
        d.put("resitDate", LocalDate.of(2026, 12, 3));
        d.put("decision", decision);
        d.put("decisionLabel", new NoticeTexts.Label("ActDecision." + decision));
        d.put("creditMinutes", 7L);
        d.put("count", 2);
        d.put("number", 3);
        d.put("questions", 120);
        for (String k : List.of("noCommission", "upheld", "changed", "deputy", "allowed", "resit")) d.put(k, true);
        return d;
    }

    static Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString()).forEach(f -> names.add(f.replaceAll("\\.(kk|ru|en)\\.txt$", "")));
        }
        return names;
    }

    @Test
    void everyNoticeIsWordedInEveryLanguageWithoutCodesOrIsoTimes() throws IOException {
        Set<String> names = names();
        assertTrue(names.size() >= 14, names.toString());
        for (String name : names) {
            for (String decision : java.util.Arrays.stream(ActDecision.values()).map(Enum::name).toList()) {
                Map<String, NoticeTexts.Worded> by = new HashMap<>();
                for (String lang : List.of("kk", "ru", "en")) {
                    assertTrue(Files.exists(DIR.resolve(name + "." + lang + ".txt")), name + " has no " + lang + " template");
                    NoticeTexts.Worded w = texts.word(name, lang, sample(decision));
                    assertFalse(w.subject().isBlank(), name + " " + lang + " has no subject");
                    assertFalse(RAW.matcher(w.subject() + "\n" + w.body()).find(), name + " " + lang + ": " + w);
                    by.put(lang, w);
                }
                assertNotEquals(by.get("en").subject(), by.get("kk").subject(), name);
                assertNotEquals(by.get("en").subject(), by.get("ru").subject(), name);
                assertTrue(by.get("kk").body().contains("01.12.2026") || !name.matches("act.signed|incomplete.lapsed|appeal.hearing|absence.*"),
                        name + " kk shows the day as people read it: " + by.get("kk"));
            }
        }
        // the commission reads the decision's name, not its code ("…voted RESUME" before)
        assertTrue(texts.word("act.decided-commission", "kk", sample(ActDecision.RESUME.name())).body().contains("жалғастыру"));
        assertTrue(texts.word("act.decided-commission", "ru", sample(ActDecision.VOID.name())).body().contains("аннулировать"));
    }

    @Test
    void eachRecipientReadsTheNoticeInTheirOwnLanguage() {
        String group = Fixtures.group("notice-lang");
        Fixtures.Person kk = Fixtures.person("kk", Set.of(Role.TEACHER), group);
        Fixtures.Person ru = Fixtures.person("ru", Set.of(Role.TEACHER), group);
        UserRows.uiLanguage(kk.id(), "kk");
        UserRows.uiLanguage(ru.id(), "ru");
        List<Notice> notices = QuarkusTransaction.requiringNew().call(() -> inbox.post(List.of(kk.id(), ru.id()),
                Inbox.Message.worded("act.votes-in", "act.votes-in", "/casework/act.html?id=1", "act", UUID.randomUUID(),
                        Map.of("title", "Алгебра")), false).stream().map(n -> Notice.<Notice>findById(n.id())).toList());
        Notice toKk = notices.stream().filter(n -> n.recipientId.equals(kk.id())).findFirst().orElseThrow();
        Notice toRu = notices.stream().filter(n -> n.recipientId.equals(ru.id())).findFirst().orElseThrow();
        assertEquals("Барлық дауыс берілді: Алгебра", toKk.subject);
        assertEquals("Все голоса поданы: Алгебра", toRu.subject);
        assertEquals("act.votes-in", toKk.kind);
        assertEquals("/casework/act.html?id=1", toRu.link);
    }
}
