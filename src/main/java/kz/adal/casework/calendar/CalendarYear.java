package kz.adal.casework.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A year of the working calendar the admin has entered; a year without a row is "not configured". */
@Entity
@Table(name = "calendar_year")
class CalendarYear extends PanacheEntityBase {
    @Id
    @Column(name = "cal_year")
    public Integer year;

    /** SAMPLE data (the demo seed), not the government's decree. */
    @Column(nullable = false)
    public boolean sample;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
