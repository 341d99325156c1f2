package kz.adal.exam;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import kz.adal.bank.BankCatalog;
import kz.adal.identity.Role;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Practice on typical tasks (001 §5.23.2): unproctored, ungraded, nothing stored. */
@Path("/api/practice")
@RolesAllowed(Role.Names.STUDENT)
public class PracticeResource {
    private final PracticeService practice;

    PracticeResource(PracticeService practice) {
        this.practice = practice;
    }

    @GET
    public List<PracticeService.PracticeBank> banks() {
        return practice.banks();
    }

    @GET
    @Path("/{versionId}/tasks")
    public List<PracticeService.PracticeTask> tasks(@PathParam("versionId") UUID versionId) {
        return practice.tasks(versionId);
    }

    public record Answer(Set<Integer> chosen) {}

    @POST
    @Path("/{versionId}/tasks/{questionId}/check")
    public PracticeService.Check check(@PathParam("versionId") UUID versionId, @PathParam("questionId") UUID questionId, Answer a) {
        return practice.check(versionId, questionId, a == null ? null : a.chosen());
    }

    @GET
    @Path("/{versionId}/tasks/{questionId}/image")
    public Response image(@PathParam("versionId") UUID versionId, @PathParam("questionId") UUID questionId) {
        BankCatalog.QuestionImage img = practice.image(versionId, questionId);
        return Response.ok(img.bytes()).header("Content-Type", img.contentType()).build();
    }
}
