package kz.adal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts of people another system vouches for (an LTI platform's launch or roster): matched to an existing account by
 * e-mail or login, or created, and signed in the way a password login does. The link from the other system's id to
 * the account is the caller's; this port only speaks about {@link AppUser}s, which stay identity's own.
 */
@ApplicationScoped
public class FederatedAccounts {
    /**
     * Roles an account matched by e-mail or login may hold: the other system may vouch for students and teachers,
     * never open an administrator's or a commission member's account because an address matches.
     */
    static final Set<Role> MATCHABLE = EnumSet.of(Role.STUDENT, Role.TEACHER, Role.BANK_AUTHOR);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthService auth;
    private final AuditTrail audit;
    private final TimeSource time;
    private volatile String unusableHash;

    FederatedAccounts(AuthService auth, AuditTrail audit, TimeSource time) {
        this.auth = auth;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Someone as the other system describes them.
     *
     * @param login     the login they have there (Moodle's username), may be null
     * @param role      STUDENT or TEACHER, from the other system's role
     * @param groupCode the study group a new student is created in, may be null
     */
    public record Person(String email, String login, String fullName, Role role, String groupCode, String source) {}

    /** An account of this id that is active, with the role. */
    @Transactional
    public boolean holds(UUID userId, Role role) {
        AppUser u = AppUser.findById(userId);
        return u != null && u.isActive() && u.has(role);
    }

    /**
     * The account this person matches (same e-mail, else same login), or a new one. A match must already hold the role
     * and nothing beyond {@link #MATCHABLE}; otherwise {@code LTI_ACCOUNT_CONFLICT}: an administrator links it by hand.
     */
    @Transactional
    public UUID matchOrCreate(Person p) {
        AppUser match = null;
        if (p.email() != null && !p.email().isBlank()) {
            match = AppUser.<AppUser>find("lower(email) = ?1", p.email().strip().toLowerCase(Locale.ROOT)).firstResult();
        }
        String login = loginOf(p);
        if (match == null && login != null) match = AppUser.findByLogin(login).orElse(null);
        if (match != null) {
            if (!match.has(p.role()) || !MATCHABLE.containsAll(match.roles)) {
                throw new Problem(409, "LTI_ACCOUNT_CONFLICT", "An Adal account with this e-mail or login exists with other roles;"
                        + " ask the administrator to link it");
            }
            if (p.role() == Role.STUDENT && p.groupCode() != null && match.groupCode == null) match.groupCode = p.groupCode();
            return match.id;
        }
        AppUser u = new AppUser();
        u.login = login != null && AppUser.findByLogin(login).isEmpty() ? login : freeLogin(p);
        u.fullName = p.fullName() == null || p.fullName().isBlank() ? u.login : p.fullName().strip();
        u.email = p.email() == null || p.email().isBlank() ? null : p.email().strip();
        u.passwordHash = unusableHash();
        u.roles = EnumSet.of(p.role());
        u.groupCode = p.role() == Role.STUDENT ? p.groupCode() : null;
        u.createdAt = time.now();
        u.persist();
        audit.record(Change.of("user.created", "user", u.id).after(UserView.of(u))
                .detail(Map.of("login", u.login, "roles", u.roles.toString(), "source", p.source())));
        return u.id;
    }

    /** What a browser needs after the other system's sign-in: the tokens and the refresh cookie, as the login sets them. */
    public record SignedIn(AuthService.Tokens tokens, NewCookie cookie) {}

    public SignedIn signIn(UUID userId, String userAgent, String scheme, String host) {
        AuthService.Tokens t = auth.sessionFor(userId, userAgent);
        return new SignedIn(t, RefreshCookie.of(t.refreshToken(), 12 * 3600, RefreshCookie.secure(scheme, host)));
    }

    private static String loginOf(Person p) {
        if (p.login() == null) return null;
        String l = p.login().strip().toLowerCase(Locale.ROOT);
        return l.matches("[a-z0-9._@-]{3,100}") ? l : null;
    }

    private static String freeLogin(Person p) {
        String base = p.email() != null && p.email().contains("@")
                ? p.email().substring(0, p.email().indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "")
                : "lti";
        if (base.length() < 3) base = "lti-" + base;
        for (int i = 0; ; i++) {
            String candidate = i == 0 ? base : base + "-" + i;
            if (AppUser.findByLogin(candidate).isEmpty()) return candidate;
        }
    }

    /**
     * The password hash of accounts that only sign in through the other system: the hash of a random secret that is
     * thrown away, so no password matches it (an administrator may still set one). Computed once: hashing is slow.
     */
    private String unusableHash() {
        if (unusableHash == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            unusableHash = auth.hasher().hash(Base64.getEncoder().encodeToString(secret));
        }
        return unusableHash;
    }

    /** The study group of the account, if it has one. */
    @Transactional
    public Optional<String> groupOf(UUID userId) {
        AppUser u = AppUser.findById(userId);
        return Optional.ofNullable(u).map(x -> x.groupCode);
    }

    /** The account's login and name, for pages and audit details. */
    @Transactional
    public Optional<String> loginOf(UUID userId) {
        AppUser u = AppUser.findById(userId);
        return Optional.ofNullable(u).map(x -> x.login);
    }
}
