package kz.adal.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditChain;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import kz.adal.platform.TooManyRequests;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Login, refresh with rotation, logout that revokes, and throttling of repeated failures. */
@ApplicationScoped
public class AuthService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final IdentityConfig config;
    private final TimeSource time;
    private final PasswordHasher hasher;
    private final PasswordCheckGate gate;
    private final LoginBackoff backoff;
    private final String decoyHash;

    private final Event<AccessChanged> accessChanged;

    AuthService(IdentityConfig config, TimeSource time, PasswordCheckGate gate, Event<AccessChanged> accessChanged) {
        this.config = config;
        this.time = time;
        this.gate = gate;
        this.accessChanged = accessChanged;
        this.hasher = new PasswordHasher(config.argon2());
        this.backoff = LoginBackoff.of(config.throttle());
        this.decoyHash = hasher.decoy();
    }

    public PasswordHasher hasher() { return hasher; }

    /** Does the password match? Through the gate, so that hashing never takes every core. */
    public boolean passwordMatches(String password, String stored) {
        return gate.check(() -> hasher.matches(password, stored));
    }

    public record Tokens(String accessToken, long expiresIn, String refreshToken, UserView user) {}

    /**
     * Logs in. Failures are counted per login and client address: a guesser elsewhere slows only
     * themselves, and the account's owner still gets in from their own device.
     */
    @Transactional(dontRollbackOn = Problem.class)
    public Tokens login(String login, String password, String userAgent, String clientAddress) {
        if (login == null || login.isBlank() || password == null) {
            throw Problem.badRequest("CREDENTIALS_REQUIRED", "Enter your login and password");
        }
        String name = login.trim().toLowerCase();
        String key = LoginThrottle.key(name, clientAddress);
        Instant now = time.now();
        LoginThrottle throttle = LoginThrottle.findById(key);
        if (throttle != null && throttle.lockedUntil != null && now.isBefore(throttle.lockedUntil)) {
            long wait = Duration.between(now, throttle.lockedUntil).toSeconds() + 1;
            throw new TooManyRequests("LOGIN_LOCKED", "Too many failed attempts from this device; try again in "
                    + (wait < 60 ? wait + " s" : ((wait + 59) / 60) + " min") + " or log in from another device", wait);
        }
        AppUser user = name.length() > 100 ? null : AppUser.findByLogin(name).orElse(null);
        boolean ok = passwordMatches(password, user == null ? decoyHash : user.passwordHash);
        if (!ok || user == null) {
            recordFailure(key, throttle, now);
            throw new Problem(401, "BAD_CREDENTIALS", "Login or password is wrong");
        }
        if (!user.isActive()) {
            throw new Problem(403, "ACCOUNT_SUSPENDED", "This account is suspended; contact the dean's office");
        }
        if (throttle != null) throttle.delete();
        if (hasher.needsRehash(user.passwordHash)) {
            // the password is at hand only now: move an old or cheaper hash to the current cost
            user.passwordHash = gate.check(() -> hasher.hash(password));
        }
        return openSession(user, userAgent, now);
    }

    /**
     * A session for someone another system has just authenticated (the university's OpenID Connect provider,
     * SsoService; an LTI launch verified by {@code kz.adal.lti}, FederatedAccounts): the same session and tokens
     * as a password login gives, for an active account only.
     */
    @Transactional(dontRollbackOn = Problem.class)
    public Tokens sessionFor(UUID userId, String userAgent) {
        AppUser user = AppUser.findById(userId);
        if (user == null) throw Problem.notFound("Account");
        if (!user.isActive()) {
            throw new Problem(403, "ACCOUNT_SUSPENDED", "This account is suspended; contact the dean's office");
        }
        return openSession(user, userAgent, time.now());
    }

    private Tokens openSession(AppUser user, String userAgent, Instant now) {
        UserSession s = new UserSession();
        s.id = UUID.randomUUID();
        s.userId = user.id;
        s.createdAt = now;
        s.expiresAt = now.plus(config.refreshTokenTtl());
        s.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
        String refresh = newRefreshToken(s.id);
        s.refreshHash = AuditChain.sha256(refresh);
        s.persist();
        return issue(user, s, refresh);
    }

    private void recordFailure(String key, LoginThrottle throttle, Instant now) {
        if (throttle == null) {
            throttle = new LoginThrottle();
            throttle.loginKey = key.length() > 200 ? key.substring(0, 200) : key;
            throttle.windowStart = now;
            throttle.failures = 0;
            throttle.persist();
        }
        if (Duration.between(throttle.windowStart, now).compareTo(config.throttle().window()) > 0) {
            throttle.windowStart = now;
            throttle.failures = 0;
            throttle.lockedUntil = null;
        }
        throttle.failures++;
        Duration wait = backoff.waitAfter(throttle.failures);
        if (!wait.isZero()) {
            throttle.lockedUntil = now.plus(wait);
            // the quiet period that forgets failures starts when the wait ends, so a guesser who
            // waits it out and fails again waits twice as long
            throttle.windowStart = throttle.lockedUntil;
        }
    }

    @Transactional(dontRollbackOn = Problem.class)
    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || !refreshToken.contains(".")) {
            throw new Problem(401, "BAD_REFRESH_TOKEN", "Your session has ended; log in again");
        }
        UUID sid;
        try {
            sid = UUID.fromString(refreshToken.substring(0, refreshToken.indexOf('.')));
        } catch (IllegalArgumentException e) {
            throw new Problem(401, "BAD_REFRESH_TOKEN", "Your session has ended; log in again");
        }
        // locked: two refreshes of one session (two tabs) are decided one after the other
        UserSession s = UserSession.findById(sid, LockModeType.PESSIMISTIC_WRITE);
        Instant now = time.now();
        if (s == null || !s.isLive(now)) throw new Problem(401, "SESSION_ENDED", "Your session has ended; log in again");
        UserSession.Presented presented = s.check(AuditChain.sha256(refreshToken), now, config.refreshReuseGrace());
        if (presented == UserSession.Presented.REUSED) {
            // A rotated-out token used again: someone else may hold it, so end the session.
            s.revokedAt = now;
            throw new Problem(401, "REFRESH_REUSED", "This session was ended for safety; log in again");
        }
        AppUser user = AppUser.findById(s.userId);
        if (user == null || !user.isActive()) throw new Problem(403, "ACCOUNT_SUSPENDED", "This account is suspended");
        String token = newRefreshToken(s.id);
        s.rotate(AuditChain.sha256(token), presented, now);
        return issue(user, s, token);
    }

    @Transactional
    public void logout(UUID sessionId) {
        if (sessionId == null) return;
        UserSession s = UserSession.findById(sessionId);
        if (s != null && s.revokedAt == null) {
            s.revokedAt = time.now();
            accessChanged.fire(new AccessChanged(s.userId));
        }
    }

    @Transactional
    public void revokeAllSessions(UUID userId) {
        UserSession.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", time.now(), userId);
        accessChanged.fire(new AccessChanged(userId));
    }

    /** Is the session behind a token still usable? Checked on every authenticated request. */
    @Transactional
    public boolean sessionIsLive(UUID sessionId, UUID userId) {
        return standing(sessionId, userId, Set.of()) == Standing.LIVE;
    }

    /**
     * Whether a token of this session may still act with the roles it carries: the session live, the
     * account active, and every role of the token still held (a role removed by an admin ends the
     * token's use at once; the browser refreshes and gets a token with the current roles). Two
     * primary-key reads — the same cost the session check always had.
     */
    @Transactional
    public Standing standing(UUID sessionId, UUID userId, Set<Role> tokenRoles) {
        UserSession s = UserSession.findById(sessionId);
        return standingOf(s, s == null || !s.userId.equals(userId) ? null : AppUser.findById(userId), userId, tokenRoles, time.now());
    }

    private static Standing standingOf(UserSession s, AppUser u, UUID userId, Set<Role> tokenRoles, Instant now) {
        if (s == null || !s.userId.equals(userId)) return Standing.SESSION_ENDED;
        if (u == null || !u.isActive()) return Standing.ACCOUNT_SUSPENDED;  // suspension also revokes: say the real reason
        if (!s.isLive(now)) return Standing.SESSION_ENDED;
        if (!u.roles.containsAll(tokenRoles)) return Standing.ROLE_REMOVED;
        return Standing.LIVE;
    }

    /** One question of {@link #standings}: a session, its account and the roles its token carries. */
    public record Asked(UUID sessionId, UUID userId, Set<Role> roles) {
    }

    /**
     * {@link #standing} for many sessions at once, the same rule: two queries per 500 sessions instead of two per
     * session (the socket guard re-checks every open socket every few seconds; 10,000 students made that 4,000
     * queries a second, issue 17).
     */
    @Transactional
    public java.util.Map<Asked, Standing> standings(java.util.Collection<Asked> asked) {
        java.util.Map<UUID, UserSession> sessions = new java.util.HashMap<>();
        java.util.Map<UUID, AppUser> users = new java.util.HashMap<>();
        List<Asked> all = List.copyOf(new java.util.LinkedHashSet<>(asked));
        for (int i = 0; i < all.size(); i += 500) {
            List<Asked> chunk = all.subList(i, Math.min(all.size(), i + 500));
            List<UUID> sids = chunk.stream().map(Asked::sessionId).distinct().toList();
            List<UUID> uids = chunk.stream().map(Asked::userId).distinct().toList();
            UserSession.<UserSession>list("id in ?1", sids).forEach(x -> sessions.put(x.id, x));
            em().createQuery("select distinct u from AppUser u left join fetch u.roles where u.id in ?1", AppUser.class)
                    .setParameter(1, uids).getResultList().forEach(x -> users.put(x.id, x));
        }
        Instant now = time.now();
        java.util.Map<Asked, Standing> out = new java.util.HashMap<>();
        for (Asked a : all) out.put(a, standingOf(sessions.get(a.sessionId()), users.get(a.userId()), a.userId(), a.roles(), now));
        return out;
    }

    private static jakarta.persistence.EntityManager em() {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
    }

    private static String newRefreshToken(UUID sessionId) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return sessionId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private Tokens issue(AppUser user, UserSession s, String refresh) {
        Duration ttl = config.accessTokenTtl();
        Instant now = time.now();
        String access = Jwt.issuer("adal")
                .subject(user.id.toString())
                .upn(user.login)
                .groups(user.roles.stream().map(Enum::name).collect(Collectors.toSet()))
                .claim("sid", s.id.toString())
                .claim("name", user.fullName)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .sign();
        return new Tokens(access, ttl.toSeconds(), refresh, UserView.of(user));
    }
}
