package kz.adal.bank.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The demo data set's side of the review (bank.DemoBanks): the listed expert and a positive conclusion per bank. */
public final class DemoReviews {
    private DemoReviews() {
    }

    /** Puts the expert on the year's list, approved in March as the department does (001 §5.24). */
    public static void listExpert(UUID expertId, AcademicYear year, UUID recordedBy) {
        ApprovedExpert listed = new ApprovedExpert();
        listed.key = new ApprovedExpert.Key(expertId, year.toString());
        listed.approvedOn = LocalDate.of(year.startYear(), 3, 15);
        listed.recordedBy = recordedBy;
        listed.persist();
    }

    /** A concluded review of the version: fit for computer and written testing for the rest of the year. */
    public static void concludedFit(UUID versionId, UUID expertId, UUID assignedBy, AcademicYear year, LocalDate today, Instant now) {
        ExpertReview r = new ExpertReview();
        r.versionId = versionId;
        r.expertId = expertId;
        r.assignedBy = assignedBy;
        r.assignedAt = now;
        r.academicYear = year.toString();
        r.conclude(true, true, true, "Meets the programme; wording clear.", Conclusion.FIT, true, true,
                year.firstDay().isAfter(today) ? today : year.firstDay(), year.lastDay(), now);
        r.persist();
    }
}
