package kz.adal.identity;

import kz.adal.platform.Problem;

/** The university issues passwords; this keeps them from being trivially guessable. */
public final class PasswordPolicy {
    private PasswordPolicy() {}

    public static void check(String password) {
        if (password == null || password.length() < 8) {
            throw Problem.badRequest("WEAK_PASSWORD", "A password needs at least 8 characters");
        }
        if (password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            throw Problem.badRequest("WEAK_PASSWORD", "A password needs both letters and digits or symbols");
        }
    }
}
