package kz.adal.platform;

import java.util.Optional;

/**
 * The interface language the calling person chose (their account setting), when there is a person and the
 * answer is at hand. {@code identity} provides it; {@code platform} only asks, so it stays free of features.
 */
public interface UserLanguage {
    Optional<String> ofCaller();
}
