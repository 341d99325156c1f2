package kz.adal.identity;

import kz.adal.platform.Csv;
import kz.adal.platform.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the accounts CSV: a header row with
 * {@code login,full_name,email,roles,group,programme,language,curriculum_completed,master_applicant,password}
 * (only login and full_name required; roles separated by '|' or ';', default STUDENT).
 */
final class UserCsv {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("login", "full_name", "email", "roles", "group", "programme", "language",
            "curriculum_completed", "master_applicant", "password");

    record Row(int line, UserService.NewUser user) {}
    record Parsed(List<Row> rows, List<UserService.RowProblem> problems) {}

    private UserCsv() {}

    static Parsed parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw Problem.badRequest("EMPTY_FILE", "The file is empty");
        if (bytes.length > MAX_BYTES) throw Problem.badRequest("FILE_TOO_LARGE", "The file is larger than 5 MB");
        String text = Csv.decodeUtf8(bytes);
        List<Row> rows = new ArrayList<>();
        List<UserService.RowProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("login") || !header.contains("full_name")) {
                throw Problem.badRequest("BAD_HEADER", "The first line must name the columns; login and full_name are required. Known columns: " + COLUMNS);
            }
            for (String h : header) {
                if (!COLUMNS.contains(h)) problems.add(new UserService.RowProblem(1, "unknown column '" + h + "'"));
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getParser().getCurrentLineNumber();
                if (!r.isConsistent()) {
                    problems.add(new UserService.RowProblem(line, "expected " + header.size() + " fields, found " + r.size()));
                    continue;
                }
                List<String> rowErrors = new ArrayList<>();
                Set<Role> roles = roles(get(r, "roles"), rowErrors);
                UserService.NewUser u = new UserService.NewUser(get(r, "login"), get(r, "full_name"), get(r, "email"), roles,
                        get(r, "group"), get(r, "programme"), get(r, "language"), get(r, "password"),
                        bool(get(r, "curriculum_completed"), rowErrors), bool(get(r, "master_applicant"), rowErrors));
                rowErrors.addAll(UserService.check(u));
                rowErrors.forEach(e -> problems.add(new UserService.RowProblem(line, e)));
                rows.add(new Row(line, u));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw Problem.badRequest("MALFORMED_CSV", "The file is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty() && problems.isEmpty()) throw Problem.badRequest("EMPTY_FILE", "The file has a header but no rows");
        return new Parsed(rows, problems);
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    private static Set<Role> roles(String value, List<String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value == null || value.isBlank()) return roles;
        for (String part : value.split("[|;]")) {
            String name = part.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (name.isEmpty()) continue;
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add("unknown role '" + part.trim() + "'");
            }
        }
        return roles;
    }

    private static Boolean bool(String v, List<String> errors) {
        if (v == null || v.isBlank()) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "иә", "да" -> true;
            case "false", "no", "0", "жоқ", "нет" -> false;
            default -> {
                errors.add("'" + v + "' is not yes/no");
                yield false;
            }
        };
    }

}
