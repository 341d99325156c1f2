package kz.adal.vision;

/**
 * Result of a presentation-attack (photo/screen replay) check.
 *
 * @param available whether a score could be computed at all
 * @param score     probability that the face is live, 0..1; {@code NaN} when not available
 * @param note      why it is not available, or what the score means
 */
public record Liveness(boolean available, double score, String note) {

    public static Liveness notAvailable(String why) {
        return new Liveness(false, Double.NaN, why);
    }
}
