package kz.adal.oral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.UUID;

/** One row of {@code oral_commission_member}: who sits on this sitting's commission, as what. */
@Embeddable
public class CommissionSeat {
    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommissionRole role;

    protected CommissionSeat() {}

    public CommissionSeat(UUID userId, CommissionRole role) {
        this.userId = userId;
        this.role = role;
    }
}
