package kz.adal.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Single sign-on through the university's OpenID Connect provider (docs/sso.md). Off unless enabled; local
 * passwords keep working either way.
 */
@ConfigMapping(prefix = "adal.sso")
public interface SsoConfig {
    @WithDefault("false")
    boolean enabled();

    /** The provider's issuer; its discovery document is read from {@code <issuer>/.well-known/openid-configuration}. */
    Optional<String> issuer();

    /** The client registered for Adal at the provider. */
    Optional<String> clientId();

    /** Its secret (from the environment: ADAL_SSO_CLIENT_SECRET). */
    Optional<String> clientSecret();

    /**
     * Adal's public address as the provider redirects to it ({@code https://adal.example.edu}); the callback is
     * {@code <public-url>/api/sso/callback}. Without it the address the browser used is taken.
     */
    Optional<String> publicUrl();

    @WithDefault("openid profile email")
    String scopes();

    /** The ID token claim that carries the university login, matched with the Adal login first. */
    @WithDefault("preferred_username")
    String loginClaim();

    /**
     * Whether an account may be matched by e-mail when the login does not match. Only an e-mail the provider
     * says it verified ({@code email_verified}) is used.
     */
    @WithDefault("true")
    boolean matchEmail();

    /** How long a begun sign-in may take at the provider. */
    @WithDefault("PT10M")
    Duration loginTimeout();

    /** Connect/read timeout for calls to the provider (discovery, token, keys). */
    @WithDefault("PT10S")
    Duration providerTimeout();
}
