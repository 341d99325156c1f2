package kz.adal.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which Adal account a person the university's provider signed in is. The login claim is matched with the Adal
 * login first (both compared in lower case, as Adal stores logins); failing that, an e-mail the provider says it
 * verified, when exactly one account has it. Nobody is created: accounts are made by the dean's office (or the
 * CSV import) as before, and an unmatched person is refused with a reason they can take to the office.
 */
final class SsoMatch {
    /** What the ID token said about the person. */
    record Claims(String login, String email, Boolean emailVerified) {}

    /** Either an account, or the refusal's code (SSO_NO_ACCOUNT, SSO_EMAIL_AMBIGUOUS). */
    record Outcome(UUID account, String refusal) {
        static Outcome of(UUID id) { return new Outcome(id, null); }
        static Outcome refused(String code) { return new Outcome(null, code); }
    }

    private SsoMatch() {}

    static Outcome match(Claims c, boolean matchEmail, Function<String, Optional<UUID>> byLogin,
                         Function<String, List<UUID>> byEmail) {
        if (c.login() != null && !c.login().isBlank()) {
            Optional<UUID> found = byLogin.apply(c.login().trim().toLowerCase(Locale.ROOT));
            if (found.isPresent()) return Outcome.of(found.get());
        }
        // an unverified address could be anyone's: the provider may let people type it themselves
        if (matchEmail && c.email() != null && !c.email().isBlank() && Boolean.TRUE.equals(c.emailVerified())) {
            List<UUID> found = byEmail.apply(c.email().trim().toLowerCase(Locale.ROOT));
            if (found.size() == 1) return Outcome.of(found.get(0));
            if (found.size() > 1) return Outcome.refused("SSO_EMAIL_AMBIGUOUS");
        }
        return Outcome.refused("SSO_NO_ACCOUNT");
    }
}
