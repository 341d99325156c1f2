package kz.adal.oral.ticket;

import kz.adal.platform.RuleViolation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketImportTest {
    @Test
    void readsPlainTextTicketsSeparatedByBlankLines() {
        List<TicketImport.Ticket> t = TicketImport.parse("""
                # bank for the demo
                1. Деректер қорының реляциялық моделі
                2) Қалыпқа келтіру

                Операциялық жүйе
                Процесс пен ағын
                Жадты басқару
                """);
        assertEquals(2, t.size());
        assertEquals(List.of("Деректер қорының реляциялық моделі", "Қалыпқа келтіру"), t.get(0).questions());
        assertEquals(2, t.get(1).number());
        assertEquals(3, t.get(1).questions().size());
    }

    @Test
    void readsCsvWithQuotedCommas() {
        List<TicketImport.Ticket> t = TicketImport.parse("ticket,question\n5,\"First, with a comma\"\n5,Second\n2,A\n2,B\n");
        assertEquals(List.of(2, 5), t.stream().map(TicketImport.Ticket::number).toList());
        assertEquals("First, with a comma", t.get(1).questions().get(0));
    }

    @Test
    void refusesATicketWithOneQuestionOrAnEmptyBank() {
        assertEquals("ORAL_TICKET_QUESTIONS", assertThrows(RuleViolation.class, () -> TicketImport.parse("Only one\n\nA\nB")).code());
        assertEquals("ORAL_TICKETS_EMPTY", assertThrows(RuleViolation.class, () -> TicketImport.parse("# nothing\n\n")).code());
        assertEquals("ORAL_TICKET_NUMBER", assertThrows(RuleViolation.class, () -> TicketImport.parse("ticket,question\nx,A\n")).code());
    }
}
