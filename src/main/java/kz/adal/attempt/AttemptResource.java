package kz.adal.attempt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.bank.BankCatalog;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/** A student's exams and attempts. Thin: parse, call {@link AttemptService} (commands) or {@link AttemptQueries} (reads), return its view. */
@Path("/api")
@RolesAllowed(Role.Names.STUDENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttemptResource {

    private final AttemptService attempts;
    private final AttemptQueries queries;
    private final CurrentUser me;

    AttemptResource(AttemptService attempts, AttemptQueries queries, CurrentUser me) {
        this.attempts = attempts;
        this.queries = queries;
        this.me = me;
    }

    public record StartRequest(Boolean acceptCut) {
    }

    @GET
    @Path("/student/exams")
    public List<StudentExamView> myExams() {
        return queries.examsFor(me.id());
    }

    @GET
    @Path("/student/exams/{examId}")
    public StudentExamView myExam(@PathParam("examId") UUID examId) {
        return queries.examFor(examId, me.id());
    }

    /** Opens (or returns) the student's attempt at the exam, in CHECKS. */
    @POST
    @Path("/exams/{examId}/attempt")
    public AttemptView open(@PathParam("examId") UUID examId) {
        return attempts.open(examId, me.id());
    }

    @GET
    @Path("/attempts/{id}")
    public AttemptView get(@PathParam("id") UUID id) {
        return queries.get(id, me.id());
    }

    @POST
    @Path("/attempts/{id}/start")
    public AttemptView start(@PathParam("id") UUID id, StartRequest body) {
        return attempts.start(id, me.id(), body != null && Boolean.TRUE.equals(body.acceptCut()));
    }

    @GET
    @Path("/attempts/{id}/paper")
    public PaperView paper(@PathParam("id") UUID id) {
        return queries.paper(id, me.id());
    }

    @PUT
    @Path("/attempts/{id}/answers/{position}")
    public AnswerAck answer(@PathParam("id") UUID id, @PathParam("position") int position, SaveAnswerRequest body) {
        return attempts.saveAnswer(id, me.id(), position, body);
    }

    @GET
    @Path("/attempts/{id}/receipt")
    public AnswerReceipt receipt(@PathParam("id") UUID id) {
        return queries.receipt(id, me.id());
    }

    @POST
    @Path("/attempts/{id}/submit")
    public AttemptView submit(@PathParam("id") UUID id) {
        return attempts.submit(id, me.id());
    }

    @GET
    @Path("/attempts/{id}/result")
    public ResultView result(@PathParam("id") UUID id) {
        return queries.result(id, me.id());
    }

    @GET
    @Path("/attempts/{id}/questions/{position}/image")
    @Produces("*/*")
    public Response image(@PathParam("id") UUID id, @PathParam("position") int position) {
        BankCatalog.QuestionImage img = queries.image(id, me.id(), position);
        return Response.ok(img.bytes(), img.contentType()).header("Cache-Control", "private, max-age=3600").build();
    }

    /** A permitted reference file of the passport (001 §5.22, §5.23.4). */
    @GET
    @Path("/attempts/{id}/materials/{materialId}")
    @Produces("*/*")
    public Response material(@PathParam("id") UUID id, @PathParam("materialId") UUID materialId) {
        BankCatalog.MaterialFile m = queries.material(id, me.id(), materialId);
        return Response.ok(m.content(), m.contentType())
                .header("Content-Disposition", kz.adal.bank.BankResource.contentDisposition("attachment", m.fileName())).build();
    }
}
