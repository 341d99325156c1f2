package kz.adal.identity;

public enum AccountState {
    ACTIVE,
    /** A suspended account can't log in and its open sessions stop working at once. */
    SUSPENDED
}
