package kz.adal.grading;

import kz.adal.platform.RuleViolation;

import java.math.BigDecimal;

/**
 * One row of a letter scale.
 *
 * @param letter          the letter grade (A, A-, …); stored as text
 * @param minPercent      the lowest percentage of the band, inclusive; the band runs up to the next
 *                        band's minimum, exclusive (or to 100 for the top band)
 * @param gpa             grade points (4.0 for A)
 * @param traditionalMark the traditional mark: 5 excellent, 4 good, 3 satisfactory, 2 unsatisfactory
 */
public record LetterBand(String letter, BigDecimal minPercent, BigDecimal gpa, int traditionalMark) {

    public LetterBand {
        if (letter == null || letter.isBlank() || letter.contains(":") || letter.contains(",")) {
            throw RuleViolation.invalid("LETTER_SCALE_LETTER_INVALID", "A letter must be non-blank without ':' or ','.");
        }
        if (minPercent == null || minPercent.signum() < 0 || minPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw RuleViolation.invalid("LETTER_SCALE_BOUND_OUT_OF_RANGE",
                    "The band " + letter + " must start between 0 and 100, got " + minPercent + ".");
        }
        if (gpa == null || gpa.signum() < 0) {
            throw RuleViolation.invalid("LETTER_SCALE_GPA_INVALID", "The band " + letter + " needs non-negative grade points.");
        }
        if (traditionalMark < 2 || traditionalMark > 5) {
            throw RuleViolation.invalid("LETTER_SCALE_MARK_INVALID",
                    "The band " + letter + " needs a traditional mark from 2 to 5, got " + traditionalMark + ".");
        }
    }
}
