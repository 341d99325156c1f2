package kz.adal.exam;

import kz.adal.platform.Csv;
import kz.adal.platform.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an admission list: a header {@code login,admitted,reason}, one student a row; admitted is
 * yes/no (also true/false, 1/0, иә/жоқ, да/нет); a reason is required when a student is not admitted.
 */
final class AdmissionCsv {
    static final int MAX_BYTES = 1024 * 1024;

    record Row(int line, String login, boolean admitted, String reason) {}

    record LineProblem(int line, String message) {}

    record Parsed(List<Row> rows, List<LineProblem> problems) {}

    private AdmissionCsv() {
    }

    static Parsed parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw Problem.badRequest("EMPTY_FILE", "The file is empty");
        if (bytes.length > MAX_BYTES) throw Problem.badRequest("FILE_TOO_LARGE", "The file is larger than 1 MB");
        String text = Csv.decodeUtf8(bytes);
        List<Row> rows = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("login") || !header.contains("admitted")) {
                throw Problem.badRequest("BAD_HEADER", "The first line must be: login,admitted,reason");
            }
            for (String h : header) {
                if (!List.of("login", "admitted", "reason").contains(h)) problems.add(new LineProblem(1, "unknown column '" + h + "'"));
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getParser().getCurrentLineNumber();
                if (!r.isConsistent()) {
                    problems.add(new LineProblem(line, "expected " + header.size() + " fields, found " + r.size()));
                    continue;
                }
                String login = get(r, "login");
                String admittedText = get(r, "admitted");
                String reason = get(r, "reason");
                if (login == null || login.isBlank()) problems.add(new LineProblem(line, "login is empty"));
                Boolean admitted = yesNo(admittedText);
                if (admitted == null) {
                    problems.add(new LineProblem(line, "admitted must be yes or no, got '" + (admittedText == null ? "" : admittedText) + "'"));
                } else if (!admitted && (reason == null || reason.isBlank())) {
                    problems.add(new LineProblem(line, "say why the student is not admitted (reason)"));
                }
                rows.add(new Row(line, login == null ? "" : login.trim().toLowerCase(Locale.ROOT), Boolean.TRUE.equals(admitted),
                        reason == null || reason.isBlank() ? null : reason.trim()));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw Problem.badRequest("MALFORMED_CSV", "The file is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty() && problems.isEmpty()) throw Problem.badRequest("EMPTY_FILE", "The file has a header but no rows");
        return new Parsed(rows, problems);
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    static Boolean yesNo(String v) {
        if (v == null) return null;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y", "иә", "да" -> true;
            case "no", "false", "0", "n", "жоқ", "нет" -> false;
            default -> null;
        };
    }

}
