package kz.adal.identity;

import java.util.UUID;

/**
 * An account's access narrowed: a session revoked (logout, password reset), the account suspended or a
 * role removed. Fired in the changing transaction; open sockets of the account re-check after it commits.
 */
public record AccessChanged(UUID userId) {
}
