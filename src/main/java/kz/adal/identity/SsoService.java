package kz.adal.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sign-in through the university's OpenID Connect provider: the authorization code flow with PKCE, a state and a
 * nonce kept server-side and taken once, the code exchanged with the client's secret, and the ID token checked by
 * the nimbus OIDC SDK (signature from the provider's published keys — refetched when a token names a key not seen
 * yet, so the provider can rotate keys — issuer, audience, expiry and nonce). The person is then matched with an
 * Adal account ({@link SsoMatch}) and gets an ordinary Adal session; local passwords keep working.
 */
@ApplicationScoped
public class SsoService {
    private static final Logger LOG = Logger.getLogger(SsoService.class);
    public static final String CALLBACK_PATH = "/api/sso/callback";
    /** A provider whose keys change is asked again at most this often (a token naming an unknown key). */
    private static final long KEY_REFETCH_MIN_INTERVAL_MS = 5_000;

    private final SsoConfig config;
    private final AuthService auth;
    private final TimeSource time;
    private volatile Provider provider;

    SsoService(SsoConfig config, AuthService auth, TimeSource time) {
        this.config = config;
        this.auth = auth;
        this.time = time;
    }

    /** Where the browser goes to sign in: the provider's authorization endpoint with this sign-in's state. */
    public URI begin(String nextPath, String siteUrl) {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Instant now = time.now();
        QuarkusTransaction.requiringNew().run(() -> {
            // what nobody came back for in a day is only clutter
            SsoLogin.delete("createdAt < ?1", now.minus(Duration.ofDays(1)));
            SsoLogin l = new SsoLogin();
            l.state = state.getValue();
            l.nonce = nonce.getValue();
            l.codeVerifier = verifier.getValue();
            l.nextPath = safeNext(nextPath);
            l.createdAt = now;
            l.persist();
        });
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(config.scopes()), p.clientId,
                callback(siteUrl))
                .endpointURI(p.metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** What a finished sign-in gives the browser: Adal's tokens and the page to open. */
    public record SignedIn(AuthService.Tokens tokens, String nextPath) {}

    /** The provider sent the browser back: take the state once, exchange the code, check the ID token, match. */
    public SignedIn finish(String code, String stateValue, String providerError, String userAgent, String siteUrl) {
        Provider p = provider();
        if (stateValue == null || stateValue.isBlank() || stateValue.length() > 64) {
            throw Problem.badRequest("SSO_STATE_UNKNOWN", "This sign-in is unknown or was already used; start again");
        }
        Instant now = time.now();
        SsoLogin taken = QuarkusTransaction.requiringNew().call(() -> {
            SsoLogin l = SsoLogin.findById(stateValue, LockModeType.PESSIMISTIC_WRITE);
            if (l == null || l.usedAt != null) return null;
            l.usedAt = now;
            return l;
        });
        if (taken == null) {
            throw Problem.badRequest("SSO_STATE_UNKNOWN", "This sign-in is unknown or was already used; start again");
        }
        if (taken.createdAt.plus(config.loginTimeout()).isBefore(now)) {
            throw Problem.badRequest("SSO_LOGIN_EXPIRED", "The sign-in took too long; start again");
        }
        if (providerError != null && !providerError.isBlank()) {
            LOG.infof("The sign-in provider answered %s", providerError.length() > 60 ? providerError.substring(0, 60) : providerError);
            throw new Problem(403, "SSO_PROVIDER_REFUSED", "The university's sign-in did not let you in");
        }
        if (code == null || code.isBlank()) {
            throw Problem.badRequest("SSO_STATE_UNKNOWN", "This sign-in is unknown or was already used; start again");
        }
        IDTokenClaimsSet claims = exchange(p, code, new CodeVerifier(taken.codeVerifier), new Nonce(taken.nonce), siteUrl);
        SsoMatch.Claims c = new SsoMatch.Claims(stringClaim(claims, config.loginClaim()), stringClaim(claims, "email"),
                claims.getBooleanClaim("email_verified"));
        SsoMatch.Outcome match = QuarkusTransaction.requiringNew().call(() -> SsoMatch.match(c, config.matchEmail(),
                login -> AppUser.findByLogin(login).map(u -> u.id),
                email -> AppUser.<AppUser>list("lower(email) = ?1", email).stream().map(u -> u.id).toList()));
        if (match.account() == null) {
            LOG.infof("Sign-in of %s (%s) matched no account: %s", c.login(), claims.getSubject(), match.refusal());
            throw new Problem(403, match.refusal(), "SSO_EMAIL_AMBIGUOUS".equals(match.refusal())
                    ? "Several Adal accounts have your e-mail; ask the dean's office to give your account your university login"
                    : "No Adal account is yours; ask the dean's office to create one with your university login");
        }
        return new SignedIn(auth.sessionFor(match.account(), userAgent), taken.nextPath);
    }

    private IDTokenClaimsSet exchange(Provider p, String code, CodeVerifier verifier, Nonce nonce, String siteUrl) {
        try {
            HTTPRequest request = new TokenRequest(p.metadata.getTokenEndpointURI(), new ClientSecretBasic(p.clientId, p.secret),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), callback(siteUrl), verifier)).toHTTPRequest();
            request.setConnectTimeout(timeoutMs());
            request.setReadTimeout(timeoutMs());
            TokenResponse response = OIDCTokenResponseParser.parse(request.send());
            if (!response.indicatesSuccess()) {
                ErrorObject e = response.toErrorResponse().getErrorObject();
                LOG.warnf("The sign-in provider refused the code: %s %s", e.getCode(), e.getDescription());
                throw new Problem(403, "SSO_PROVIDER_REFUSED", "The university's sign-in did not let you in");
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            return p.validator.validate(idToken, nonce);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            LOG.warnf("An ID token from the sign-in provider was refused: %s", e.getMessage());
            throw new Problem(403, "SSO_TOKEN_INVALID", "The university's sign-in answer could not be verified");
        } catch (IOException | ParseException e) {
            LOG.warnf("The sign-in provider could not be reached: %s", e.getMessage());
            throw new Problem(503, "SSO_UNAVAILABLE", "The university's sign-in is not reachable now; try again or use your Adal password");
        }
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    private URI callback(String siteUrl) {
        String base = config.publicUrl().orElse(siteUrl);
        return URI.create(base.replaceAll("/+$", "") + CALLBACK_PATH);
    }

    /** Only a path on this site: never an address elsewhere (an open redirect). */
    static String safeNext(String next) {
        if (next == null || next.length() > 500 || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) return null;
        return next;
    }

    private int timeoutMs() {
        return (int) config.providerTimeout().toMillis();
    }

    /** The provider's discovery document and key source, read on first use and kept. */
    private Provider provider() {
        if (!config.enabled()) throw new Problem(404, "SSO_DISABLED", "Sign-in with the university account is not set up here");
        Provider p = provider;
        if (p != null) return p;
        synchronized (this) {
            if (provider != null) return provider;
            String issuer = config.issuer().orElseThrow();
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMs(), timeoutMs());
                ClientID clientId = new ClientID(config.clientId().orElseThrow());
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
                                new DefaultResourceRetriever(timeoutMs(), timeoutMs(), 512 * 1024))
                        .rateLimited(KEY_REFETCH_MIN_INTERVAL_MS)
                        .build();
                List<JWSAlgorithm> algs = metadata.getIDTokenJWSAlgs() == null || metadata.getIDTokenJWSAlgs().isEmpty()
                        ? List.of(JWSAlgorithm.RS256) : metadata.getIDTokenJWSAlgs();
                // never "none", never a MAC keyed with the client secret: a public-key signature only
                var accepted = new java.util.HashSet<JWSAlgorithm>();
                for (JWSAlgorithm a : algs) {
                    if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)) accepted.add(a);
                }
                if (accepted.isEmpty()) accepted.add(JWSAlgorithm.RS256);
                IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId,
                        new JWSVerificationKeySelector<>(accepted, keys), null);
                provider = new Provider(metadata, clientId, new Secret(config.clientSecret().orElse("")), validator);
                LOG.infof("Single sign-on through %s (client %s)", metadata.getIssuer(), clientId);
                return provider;
            } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                LOG.warnf("The sign-in provider %s could not be read: %s", issuer, e.getMessage());
                throw new Problem(503, "SSO_UNAVAILABLE", "The university's sign-in is not reachable now; try again or use your Adal password");
            }
        }
    }

    /** Whether the login page offers the university sign-in. */
    public boolean offered() {
        return config.enabled();
    }

    private record Provider(OIDCProviderMetadata metadata, ClientID clientId, Secret secret, IDTokenValidator validator) {}
}
