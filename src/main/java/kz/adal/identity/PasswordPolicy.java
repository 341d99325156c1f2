package kz.adal.identity;

import kz.adal.platform.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The university issues passwords; this keeps them from being trivially guessable: long enough,
 * not all digits or all letters, and not one of the commonest passwords (the first thing a guesser
 * tries, and what the per-address throttle can't stop when guesses come from many addresses).
 * The refusal codes have texts in every language in the page bundles ({@code problem.<CODE>}).
 */
public final class PasswordPolicy {
    private static final String LIST = "/identity/common-passwords.txt";

    private PasswordPolicy() {}

    /** Every rule: for passwords a person chose. */
    public static void check(String password) {
        checkShape(password);
        if (isCommon(password)) {
            throw Problem.badRequest("PASSWORD_TOO_COMMON", "This password is one of the most common ones; choose another");
        }
    }

    /**
     * Length and character mix only: for the demo accounts, which the seeder creates with one
     * published password that only works in demo mode.
     */
    static void checkShape(String password) {
        if (password == null || password.length() < 8) {
            throw Problem.badRequest("WEAK_PASSWORD", "A password needs at least 8 characters");
        }
        if (password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            throw Problem.badRequest("WEAK_PASSWORD", "A password needs both letters and digits or symbols");
        }
    }

    static boolean isCommon(String password) {
        return password != null && Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Loaded on first use. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            Set<String> set = new HashSet<>(16_384);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) throw new IllegalStateException(LIST + " is missing from the build");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) set.add(line.strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(set);
        }
    }
}
