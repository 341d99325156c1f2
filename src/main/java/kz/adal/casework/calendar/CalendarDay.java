package kz.adal.casework.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;

/** One exception to Monday–Friday in the working calendar: a holiday, a moved day off or a working weekend day. */
@Entity
@Table(name = "calendar_day")
class CalendarDay extends PanacheEntityBase {

    public enum Kind {
        /** A public holiday, any day of the week. */
        HOLIDAY,
        /** A weekday made a day off by decree (a moved day off). */
        DAY_OFF,
        /** A Saturday or Sunday made a working day by decree. */
        WORKING_DAY
    }

    @Id
    @Column(name = "cal_date")
    public LocalDate day;

    @Column(name = "cal_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    public static List<CalendarDay> ofYear(int year) {
        return list("year = ?1 order by day", year);
    }
}
