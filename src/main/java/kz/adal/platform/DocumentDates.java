package kz.adal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times as an official document prints them: in the institution's zone, 24-hour, with the
 * month's own name in each language. The month names are spelled out here rather than taken from the
 * JDK's locale data, which has no Kazakh genitive forms (issue 15: "2026 M12 1").
 */
public final class DocumentDates {
    private static final String[] KK = {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
            "қазан", "қараша", "желтоқсан"};
    /** Russian months in the genitive, as a date reads ("1 декабря 2026 г."). */
    private static final String[] RU = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
            "октября", "ноября", "декабря"};
    private static final String[] EN = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
    private static final DateTimeFormatter NUMERIC_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private DocumentDates() {
    }

    public static ZoneId zone() {
        return TimeSource.ZONE;
    }

    /** The day in words: kk "2026 жылғы 1 желтоқсан", ru "1 декабря 2026 г.", en "1 December 2026". */
    public static String date(LocalDate d, String lang) {
        if (d == null) return "—";
        int m = d.getMonthValue() - 1;
        return switch (lang == null ? "kk" : lang) {
            case "ru" -> d.getDayOfMonth() + " " + RU[m] + " " + d.getYear() + " г.";
            case "en" -> d.getDayOfMonth() + " " + EN[m] + " " + d.getYear();
            default -> d.getYear() + " жылғы " + d.getDayOfMonth() + " " + KK[m];
        };
    }

    /** A moment with its day in words and the time to the minute: "2026 жылғы 1 желтоқсан, 14:05". */
    public static String dateTime(Instant at, String lang) {
        if (at == null) return "—";
        ZonedDateTime z = at.atZone(zone());
        return date(z.toLocalDate(), lang) + ", " + HOURS.format(z);
    }

    /** A compact moment for table cells: "01.12.2026 14:05" (the same in every language). */
    public static String compact(Instant at) {
        return at == null ? "—" : NUMERIC_DATE.format(at.atZone(zone())) + " " + HOURS.format(at.atZone(zone()));
    }

    /** A compact moment to the second: "01.12.2026 14:05:09" (protocols time each stage). */
    public static String compactSeconds(Instant at) {
        return at == null ? "—" : NUMERIC_DATE.format(at.atZone(zone())) + " " + SECONDS.format(at.atZone(zone()));
    }

    /**
     * A length of time as people read it, in the document's language: "7 мин", "7 мин 5 с", "1 сағ 5 мин"
     * (ru "1 ч 5 мин", en "1 h 5 min"); seconds are left out from an hour on.
     */
    public static String duration(long seconds, String lang) {
        String[] unit = switch (lang == null ? "kk" : lang) {
            case "ru" -> new String[]{"ч", "мин", "с"};
            case "en" -> new String[]{"h", "min", "s"};
            default -> new String[]{"сағ", "мин", "с"};
        };
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long r = s % 60;
        if (h > 0) return h + " " + unit[0] + (m > 0 ? " " + m + " " + unit[1] : "");
        if (m > 0) return m + " " + unit[1] + (r > 0 ? " " + r + " " + unit[2] : "");
        return r + " " + unit[2];
    }

    /** A compact day for table cells: "01.12.2026". */
    public static String shortDate(LocalDate d) {
        return d == null ? "—" : NUMERIC_DATE.format(d);
    }

    /** The time of day to the second, for protocols that time each stage: "14:05:09". */
    public static String timeOfDay(Instant at) {
        return at == null ? "—" : SECONDS.format(at.atZone(zone()));
    }
}
