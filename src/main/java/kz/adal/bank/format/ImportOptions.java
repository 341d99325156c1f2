package kz.adal.bank.format;

import kz.adal.bank.Difficulty;

/**
 * Settings of one import.
 *
 * @param defaultDifficulty used for items whose file marks no difficulty; null means such items are refused
 * @param defaultTopic      used for items whose file marks no topic; may be null
 * @param maxBytes          larger uploads are refused as a whole
 */
public record ImportOptions(Difficulty defaultDifficulty, String defaultTopic, long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    public ImportOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (defaultTopic != null && defaultTopic.isBlank()) {
            defaultTopic = null;
        }
    }

    /** No default difficulty or topic, 5 MiB limit. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, DEFAULT_MAX_BYTES);
    }

    public ImportOptions withDefaultDifficulty(Difficulty difficulty) {
        return new ImportOptions(difficulty, defaultTopic, maxBytes);
    }

    public ImportOptions withDefaultTopic(String topic) {
        return new ImportOptions(defaultDifficulty, topic, maxBytes);
    }

    public ImportOptions withMaxBytes(long bytes) {
        return new ImportOptions(defaultDifficulty, defaultTopic, bytes);
    }
}
