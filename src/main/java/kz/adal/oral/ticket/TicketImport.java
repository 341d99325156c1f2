package kz.adal.oral.ticket;

import kz.adal.platform.RuleViolation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a ticket bank from text. Two formats (docs/oral-exam.md "Ticket bank"):
 * <ul>
 *   <li><b>Plain text</b>: tickets separated by one or more blank lines; each non-blank line of a
 *       ticket is one question; lines starting with {@code #} are comments; a leading "1." / "2)"
 *       before a question is removed. Tickets are numbered 1, 2, … in order.</li>
 *   <li><b>CSV</b> (first line exactly {@code ticket,question}): one row per question; rows with the
 *       same ticket number form one ticket, questions in row order.</li>
 * </ul>
 * Every ticket needs {@value #MIN_QUESTIONS} to {@value #MAX_QUESTIONS} questions ("several").
 */
public final class TicketImport {
    public static final int MIN_QUESTIONS = 2;
    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_TICKETS = 300;
    public static final int MAX_QUESTION_LENGTH = 2000;

    private TicketImport() {}

    public record Ticket(int number, List<String> questions) {}

    public static List<Ticket> parse(String text) {
        if (text == null || text.isBlank()) throw RuleViolation.invalid("ORAL_TICKETS_EMPTY", "The ticket bank is empty.");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = body.lines().findFirst().orElse("").trim().toLowerCase();
        List<Ticket> tickets = first.equals("ticket,question") ? csv(body) : plain(body);
        validate(tickets);
        return tickets;
    }

    public static void validate(List<Ticket> tickets) {
        if (tickets.isEmpty()) throw RuleViolation.invalid("ORAL_TICKETS_EMPTY", "The ticket bank is empty.");
        if (tickets.size() > MAX_TICKETS) {
            throw RuleViolation.invalid("ORAL_TICKETS_TOO_MANY", "At most " + MAX_TICKETS + " tickets, got " + tickets.size() + ".");
        }
        for (Ticket t : tickets) {
            if (t.number() < 1) throw RuleViolation.invalid("ORAL_TICKET_NUMBER", "Ticket numbers start at 1, got " + t.number() + ".");
            int n = t.questions().size();
            if (n < MIN_QUESTIONS || n > MAX_QUESTIONS) {
                throw RuleViolation.invalid("ORAL_TICKET_QUESTIONS",
                        "Ticket " + t.number() + " has " + n + " question(s); a ticket has " + MIN_QUESTIONS + " to " + MAX_QUESTIONS + ".");
            }
            for (String q : t.questions()) {
                if (q.isBlank() || q.length() > MAX_QUESTION_LENGTH) {
                    throw RuleViolation.invalid("ORAL_TICKET_QUESTIONS",
                            "Ticket " + t.number() + " has an empty question or one longer than " + MAX_QUESTION_LENGTH + " characters.");
                }
            }
        }
        if (tickets.stream().map(Ticket::number).distinct().count() != tickets.size()) {
            throw RuleViolation.invalid("ORAL_TICKET_NUMBER", "Two tickets have the same number.");
        }
    }

    private static List<Ticket> plain(String text) {
        List<Ticket> tickets = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) continue;
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    tickets.add(new Ticket(tickets.size() + 1, List.copyOf(current)));
                    current.clear();
                }
                continue;
            }
            current.add(line.replaceFirst("^\\d{1,2}[.)]\\s+", ""));
        }
        return tickets;
    }

    private static List<Ticket> csv(String text) {
        Map<Integer, List<String>> byNumber = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                int number;
                try {
                    number = Integer.parseInt(r.get("ticket"));
                } catch (IllegalArgumentException e) {
                    throw RuleViolation.invalid("ORAL_TICKET_NUMBER", "Line " + (r.getRecordNumber() + 1) + ": the ticket number is not a number.");
                }
                String q = r.isMapped("question") && r.isSet("question") ? r.get("question") : "";
                byNumber.computeIfAbsent(number, k -> new ArrayList<>()).add(q);
            }
        } catch (IOException e) {
            throw RuleViolation.invalid("ORAL_TICKETS_CSV", "The CSV could not be read: " + e.getMessage());
        }
        List<Ticket> tickets = new ArrayList<>();
        byNumber.forEach((n, qs) -> tickets.add(new Ticket(n, List.copyOf(qs))));
        return tickets;
    }
}
