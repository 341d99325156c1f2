package kz.adal.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriBuilder;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.FederatedAccounts;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * LTI 1.3 launches: the OIDC third-party-initiated login (a single-use state and nonce, then off to the platform's
 * authentication endpoint) and the launch it comes back with (the id_token checked, the person's account found or
 * made, a session opened as a password login opens one, and the page to go to).
 */
@ApplicationScoped
public class LaunchService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ToolKeys keys;
    private final PlatformKeys platformKeys;
    private final FederatedAccounts accounts;
    private final ExamCatalog exams;
    private final AuditTrail audit;
    private final TimeSource time;
    private final LtiConfig config;

    LaunchService(ToolKeys keys, PlatformKeys platformKeys, FederatedAccounts accounts, ExamCatalog exams, AuditTrail audit,
                  TimeSource time, LtiConfig config) {
        this.keys = keys;
        this.platformKeys = platformKeys;
        this.accounts = accounts;
        this.exams = exams;
        this.audit = audit;
        this.time = time;
        this.config = config;
    }

    /** The parameters of a third-party-initiated login (LTI Core 1.3 §4.1). */
    public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String messageHint, String clientId,
                                  String deploymentId) {}

    /** Where the browser goes next: the platform's authentication endpoint with a fresh state and nonce. */
    @Transactional
    public URI login(LoginInitiation in, String launchUrl) {
        keys.key();
        if (in.issuer() == null || in.loginHint() == null || in.targetLinkUri() == null) {
            throw new Problem(400, "LTI_TOKEN_MALFORMED", "The login request needs iss, login_hint and target_link_uri");
        }
        LtiPlatform p = platform(in.issuer(), in.clientId() == null ? null : List.of(in.clientId()));
        if (in.deploymentId() != null && !p.deployments().contains(in.deploymentId())) {
            throw new Problem(403, "LTI_UNKNOWN_DEPLOYMENT", "This deployment of the tool is not registered in Adal");
        }
        Instant now = time.now();
        LtiLoginState.delete("expiresAt < ?1", now.minusSeconds(86400));
        LtiLoginState s = new LtiLoginState();
        s.state = random();
        s.nonce = random();
        s.platformId = p.id;
        s.expiresAt = now.plus(config.loginTtl());
        s.persist();
        UriBuilder b = UriBuilder.fromUri(p.authEndpoint)
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", p.clientId)
                .queryParam("redirect_uri", launchUrl)
                .queryParam("login_hint", in.loginHint())
                .queryParam("state", s.state)
                .queryParam("nonce", s.nonce);
        if (in.messageHint() != null) b.queryParam("lti_message_hint", in.messageHint());
        return b.build();
    }

    /** Where a launch leads and the session cookie that signs the person in. */
    public record Landing(String location, NewCookie cookie, UUID userId, Role role) {}

    @Transactional
    public Landing launch(String idToken, String state, String userAgent, String scheme, String host) {
        keys.key();
        if (idToken == null || idToken.isBlank()) throw LaunchCheck.malformed("id_token is missing");
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(idToken.strip());
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchCheck.malformed("it is not a signed JWT");
        }
        if (unverified.getIssuer() == null) throw LaunchCheck.malformed("iss is required");
        LtiPlatform p = platform(unverified.getIssuer(), unverified.getAudience());
        platformKeys.verify(jwt, p.jwksUrl);
        Instant now = time.now();
        LaunchCheck.Launch launch = LaunchCheck.check(unverified, p.issuer, p.clientId, p.deployments(), now, config.clockSkew());
        consume(state, launch.nonce(), p, now);

        JWTClaimsSet c = launch.claims();
        Role role = LtiRoles.adalRole(stringList(c, LtiClaims.ROLES)).orElseThrow(() -> new Problem(403, "LTI_ROLE_UNSUPPORTED",
                "Adal takes course learners and instructors; this launch has neither role"));
        boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(launch.messageType());
        if (deepLinking && role != Role.TEACHER) {
            throw new Problem(403, "LTI_ROLE_UNSUPPORTED", "Only an instructor picks the exam an activity opens");
        }
        UUID examId = deepLinking ? null : examOf(c);
        String group = examId == null || role != Role.STUDENT ? null : exams.groupOf(examId).orElse(null);
        UUID userId = account(p.issuer, launch.subject(), c, role, group);

        String location;
        if (deepLinking) {
            Map<String, Object> settings = LaunchCheck.object(c, LtiClaims.DL_SETTINGS);
            LtiDeepLink d = new LtiDeepLink();
            d.id = UUID.randomUUID();
            d.platformId = p.id;
            d.deploymentId = launch.deploymentId();
            d.returnUrl = String.valueOf(settings.get("deep_link_return_url"));
            d.data = settings.get("data") == null ? null : String.valueOf(settings.get("data"));
            d.userId = userId;
            d.expiresAt = now.plus(java.time.Duration.ofHours(1));
            d.persist();
            location = "/lti/deep-link.html?request=" + d.id;
        } else {
            link(p, launch.deploymentId(), c, examId, now);
            location = role == Role.STUDENT ? "/student/check.html?exam=" + examId : "/exam/students.html?id=" + examId;
        }
        audit.record(Change.of("lti.launch", "lti-platform", p.id).detail(Map.of("messageType", launch.messageType(),
                "subject", launch.subject(), "user", userId.toString(), "role", role.name(),
                "exam", examId == null ? "" : examId.toString())), userId, "lti:" + p.name);
        FederatedAccounts.SignedIn in = accounts.signIn(userId, userAgent, scheme, host);
        return new Landing(location, in.cookie(), userId, role);
    }

    /** The registered platform of this issuer whose client id is among the audience; unknown otherwise. */
    static LtiPlatform platform(String issuer, List<String> audience) {
        List<LtiPlatform> of = LtiPlatform.list("issuer", issuer);
        if (of.isEmpty()) throw LaunchCheck.refused("LTI_UNKNOWN_PLATFORM", "The launch comes from a platform that is not registered");
        List<LtiPlatform> matching = audience == null ? of : of.stream().filter(x -> audience.contains(x.clientId)).toList();
        if (matching.isEmpty()) {
            throw LaunchCheck.refused("LTI_WRONG_AUDIENCE", "The launch was meant for another tool (its audience is not Adal's client id)");
        }
        if (matching.size() > 1) throw LaunchCheck.refused("LTI_UNKNOWN_PLATFORM", "Say the client id: this platform has several registrations");
        return matching.get(0);
    }

    /** The state must be this platform's, unexpired and unused, and the token's nonce the one issued with it. */
    private void consume(String state, String nonce, LtiPlatform p, Instant now) {
        LtiLoginState s = state == null ? null : LtiLoginState.findById(state);
        if (s == null || !s.platformId.equals(p.id)) {
            if (LtiLoginState.count("nonce = ?1 and usedAt is not null", nonce) > 0) throw replayed();
            throw LaunchCheck.refused("LTI_STATE_INVALID", "This launch was not started from here, or took too long; start it again from the course");
        }
        if (s.usedAt != null) throw replayed();
        if (!s.nonce.equals(nonce)) {
            if (LtiLoginState.count("nonce = ?1 and usedAt is not null", nonce) > 0) throw replayed();
            throw LaunchCheck.refused("LTI_STATE_INVALID", "This launch was not started from here, or took too long; start it again from the course");
        }
        if (!now.isBefore(s.expiresAt)) {
            throw LaunchCheck.refused("LTI_STATE_INVALID", "This launch was not started from here, or took too long; start it again from the course");
        }
        // one launch per state even when two arrive at once: only one update finds it unused
        if (LtiLoginState.update("usedAt = ?1 where state = ?2 and usedAt is null", now, s.state) != 1) throw replayed();
    }

    private static Problem replayed() {
        return LaunchCheck.refused("LTI_NONCE_REPLAYED", "This launch has already been used; start it again from the course");
    }

    private UUID examOf(JWTClaimsSet c) {
        Object raw = LaunchCheck.object(c, LtiClaims.CUSTOM).get(LtiClaims.CUSTOM_EXAM);
        UUID id = null;
        try {
            id = raw == null ? null : UUID.fromString(String.valueOf(raw).strip());
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || exams.find(id).isEmpty()) {
            throw new Problem(404, "LTI_EXAM_UNKNOWN", "This course activity does not open an Adal exam; ask the teacher to pick one");
        }
        return id;
    }

    /** The account linked to (issuer, sub); else matched by e-mail or login, or created, and linked from now on. */
    private UUID account(String issuer, String subject, JWTClaimsSet c, Role role, String group) {
        LtiAccount linked = LtiAccount.findById(new LtiAccount.Key(issuer, subject));
        if (linked != null) {
            if (!accounts.holds(linked.userId, role)) {
                throw new Problem(409, "LTI_ACCOUNT_CONFLICT", "The linked Adal account does not have this role; ask the administrator");
            }
            return linked.userId;
        }
        String name = LaunchCheck.string(c, "name");
        if (name == null) {
            String given = LaunchCheck.string(c, "given_name");
            String family = LaunchCheck.string(c, "family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        Object username = LaunchCheck.object(c, LtiClaims.EXT).get("user_username");
        String login = username != null ? String.valueOf(username) : LaunchCheck.string(c, "preferred_username");
        return linkAccount(issuer, subject, new FederatedAccounts.Person(LaunchCheck.string(c, "email"), login, name, role, group, "lti"));
    }

    UUID linkAccount(String issuer, String subject, FederatedAccounts.Person person) {
        UUID userId = accounts.matchOrCreate(person);
        LtiAccount a = new LtiAccount();
        a.key = new LtiAccount.Key(issuer, subject);
        a.userId = userId;
        a.createdAt = time.now();
        a.persist();
        return userId;
    }

    /** Records (or refreshes) the activity: its exam, gradebook column and roster service as this launch gives them. */
    private void link(LtiPlatform p, String deployment, JWTClaimsSet c, UUID examId, Instant now) {
        String resourceLinkId = String.valueOf(LaunchCheck.object(c, LtiClaims.RESOURCE_LINK).get("id"));
        LtiResourceLink l = LtiResourceLink.<LtiResourceLink>find("platformId = ?1 and resourceLinkId = ?2", p.id, resourceLinkId)
                .firstResult();
        if (l == null) {
            l = new LtiResourceLink();
            l.id = UUID.randomUUID();
            l.platformId = p.id;
            l.resourceLinkId = resourceLinkId;
        }
        l.deploymentId = deployment;
        l.examId = examId;
        Map<String, Object> context = LaunchCheck.object(c, LtiClaims.CONTEXT);
        l.contextId = context.get("id") == null ? null : String.valueOf(context.get("id"));
        l.contextTitle = context.get("title") == null ? null : String.valueOf(context.get("title"));
        Object lineitem = LaunchCheck.object(c, LtiClaims.AGS_ENDPOINT).get("lineitem");
        if (lineitem != null) l.lineitemUrl = String.valueOf(lineitem);
        Object memberships = LaunchCheck.object(c, LtiClaims.NRPS).get("context_memberships_url");
        if (memberships != null) l.membershipsUrl = String.valueOf(memberships);
        l.updatedAt = now;
        l.persist();
    }

    private static List<String> stringList(JWTClaimsSet c, String name) {
        try {
            List<String> l = c.getStringListClaim(name);
            return l == null ? List.of() : l;
        } catch (ParseException e) {
            throw LaunchCheck.malformed(name + " is not a list of strings");
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Optional<String> optional(Map<String, Object> m, String k) {
        return Optional.ofNullable(m.get(k)).map(String::valueOf);
    }

    static Map<String, Object> mutable(Map<String, Object> m) {
        return new HashMap<>(m);
    }
}
