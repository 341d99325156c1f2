package kz.adal.attempt;

/**
 * SplitMix64 (Steele, Lea, Flood 2014; Vigna's reference constants), written out here rather than
 * taken from {@link java.util.SplittableRandom} so that a JDK upgrade can never change a drawn paper.
 * Not for secrets: the seed itself comes from SecureRandom.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), without modulo bias: draws from the top 63 bits, rejecting the tail. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long remainder = (Long.MAX_VALUE % bound + 1) % bound; // 2^63 mod bound
        long limit = Long.MAX_VALUE - remainder + 1;           // largest multiple of bound ≤ 2^63
        long u = nextLong() >>> 1;
        while (remainder != 0 && u >= limit) {
            u = nextLong() >>> 1;
        }
        return (int) (u % bound);
    }
}
