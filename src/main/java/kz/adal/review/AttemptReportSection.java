package kz.adal.review;

import kz.adal.platform.OfficialDocuments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A part of the per-attempt report that another feature contributes (casework: the technical-failure
 * act, the appeal, an absence). The report asks every bean implementing this and prints what they give,
 * ordered by {@link #order()}; {@code review} itself knows nothing of those features.
 */
public interface AttemptReportSection {

    /** One line of the section, with the moment it happened when there is one. */
    record Entry(Instant at, String text) {
    }

    record Section(String title, List<Entry> entries) {
    }

    /** The sections this feature has for the attempt, worded in the report's language; empty when it has nothing to say. */
    List<Section> sectionsFor(UUID attemptId, OfficialDocuments.Wording w);

    /** Where the sections go in the report (lower first); the review's own sections use 0–99. */
    default int order() {
        return 100;
    }
}
