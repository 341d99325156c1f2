package kz.adal.bank.review;

import java.time.LocalDate;

/** An academic year runs from 1 September to 31 August and is written "2026-2027". */
public record AcademicYear(int startYear) {
    public static AcademicYear containing(LocalDate day) {
        return new AcademicYear(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1);
    }

    public static AcademicYear parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{4}")) throw new IllegalArgumentException("An academic year looks like 2026-2027");
        int a = Integer.parseInt(text.substring(0, 4));
        if (Integer.parseInt(text.substring(5)) != a + 1) throw new IllegalArgumentException("An academic year spans two consecutive years");
        return new AcademicYear(a);
    }

    public LocalDate firstDay() { return LocalDate.of(startYear, 9, 1); }

    public LocalDate lastDay() { return LocalDate.of(startYear + 1, 8, 31); }

    @Override
    public String toString() { return startYear + "-" + (startYear + 1); }
}
