package kz.adal.attempt;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * The public key that verifies answer receipts ({@link AnswerReceipt}), for anyone: a student, a
 * commission, a court. PEM, so {@code openssl dgst -verify} takes it as it is.
 */
@Path("/api/public/receipt-key")
public class ReceiptKeyResource {
    private final AnswerReceipts receipts;

    ReceiptKeyResource(AnswerReceipts receipts) {
        this.receipts = receipts;
    }

    @GET
    @PermitAll
    @Produces("application/x-pem-file")
    public String key() {
        return receipts.publicKeyPem();
    }
}
