package kz.adal.bank;

import java.util.UUID;

/**
 * Fired inside the transaction in which an author sent a draft version to the department (001 §5.19): the
 * heads of department are told (casework's inbox observes it; the bank knows nothing of casework).
 */
public record BankVersionSubmitted(UUID versionId, UUID bankId, String bankTitle, int number, int questions,
                                   String submittedByName, String note) {

    public String link() {
        return "/bank/version.html?bank=" + bankId + "&v=" + versionId + "&tab=approval";
    }
}
