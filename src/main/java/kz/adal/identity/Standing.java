package kz.adal.identity;

/** Whether a signed token may still act, and if not, why (the reason a closed socket gives). */
public enum Standing {
    LIVE,
    /** Logged out, expired, or revoked (password reset, refresh token reused). */
    SESSION_ENDED,
    ACCOUNT_SUSPENDED,
    /** The token carries a role the account no longer holds. */
    ROLE_REMOVED;

    /** The reason sent with a socket's close frame (machine-readable; the page says it in the person's language). */
    public String closeReason() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
