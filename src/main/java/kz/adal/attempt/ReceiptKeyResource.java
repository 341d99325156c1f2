package kz.adal.attempt;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import kz.adal.platform.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The public key that verifies answer receipts ({@link AnswerReceipt}), for anyone: a student, a
 * commission, a court. PEM, so {@code openssl dgst -verify} takes it as it is.
 */
@Path("/api/public/receipt-key")
public class ReceiptKeyResource {
    private final String location;

    ReceiptKeyResource(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String location) {
        this.location = location;
    }

    @GET
    @PermitAll
    @Produces("application/x-pem-file")
    public String key() {
        try {
            if (Files.isRegularFile(Paths.get(location))) return Files.readString(Paths.get(location));
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the receipt key " + location, e);
        }
        throw Problem.notFound("Receipt key");
    }
}
