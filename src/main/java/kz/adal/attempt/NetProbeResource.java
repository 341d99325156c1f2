package kz.adal.attempt;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.platform.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bandwidth probe for the pre-exam check (000 §4.6: at least 512 kbit/s). GET returns random bytes
 * (incompressible), POST reads and discards the body; the browser times both.
 */
@Path("/api/net/probe")
@Authenticated
public class NetProbeResource {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@QueryParam("bytes") @DefaultValue("262144") int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) throw Problem.badRequest("PROBE_SIZE_INVALID", "bytes must be 1 to " + MAX_BYTES);
        byte[] body = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(body);
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> upload(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_BYTES) throw Problem.badRequest("PROBE_SIZE_INVALID", "Send at most " + MAX_BYTES + " bytes");
        }
        return Map.of("received", total);
    }
}
