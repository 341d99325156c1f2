package kz.adal.grading;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The institution's letter scale, read once from {@code adal.grading.letter-scale} (rows
 * {@code letter:min:gpa:mark}, highest first; default {@link LetterScale#DEFAULT_CONFIG}) and
 * {@code adal.grading.fraction-rule} (001 §5.28; the table itself comes from ministry order No. 152).
 * A malformed table stops the application at start-up rather than grading with a wrong one.
 */
@ApplicationScoped
public class LetterScaleConfig {

    private final LetterScale scale;

    LetterScaleConfig(@ConfigProperty(name = "adal.grading.letter-scale", defaultValue = LetterScale.DEFAULT_CONFIG) String table,
                      @ConfigProperty(name = "adal.grading.fraction-rule", defaultValue = "MUST_REACH_BOUND") LetterScale.FractionRule rule) {
        this.scale = LetterScale.parse(table, rule);
    }

    public LetterScale scale() {
        return scale;
    }
}
