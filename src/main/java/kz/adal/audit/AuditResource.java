package kz.adal.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

@Path("/api/audit")
// role names as literals: audit depends on no other feature
@RolesAllowed({"SYSTEM_ADMIN", "REGISTRAR", "REVIEWER"})
public class AuditResource {
    private final AuditTrail trail;
    private final AuditCheckpointJob watch;

    AuditResource(AuditTrail trail, AuditCheckpointJob watch) {
        this.trail = trail;
        this.watch = watch;
    }

    /**
     * Recomputes the hash chain and checks it against the signed checkpoints; an edited or deleted row, or rows cut
     * from the end, show up as a break. A whole-log check also updates the alerting metric.
     */
    @GET
    @Path("/verify")
    public AuditTrail.Verification verify(@QueryParam("scope") String scope) {
        return scope == null ? watch.verifyNow() : trail.verify(scope);
    }

    public record EntryView(long seq, String at, String actor, String action, String subjectType, String subjectId,
                            String scopeId, String detail, String hash) {}

    @GET
    public List<EntryView> recent(@QueryParam("scope") String scope, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return trail.recent(scope, n).stream()
                .map(e -> new EntryView(e.seq, e.at.toString(), e.actorLogin, e.action, e.subjectType, e.subjectId, e.scopeId, e.detail, e.hash))
                .toList();
    }
}
