package kz.adal.platform;

/** A 429 that also tells the client when to try again. */
public class TooManyRequests extends Problem {
    private final long retryAfterSeconds;

    public TooManyRequests(String code, String message, long retryAfterSeconds) {
        super(429, code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() { return retryAfterSeconds; }
}
