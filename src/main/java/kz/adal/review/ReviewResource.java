package kz.adal.review;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The review API. Who may review is decided per exam by the {@link ReviewAccess} beans (a commission member
 * may hold no standing review role), so the endpoints only require a login and the service checks the object.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService service;
    private final ReviewReports reports;
    private final MonitoringReports monitoring;
    private final CurrentUser me;

    ReviewResource(ReviewService service, ReviewReports reports, MonitoringReports monitoring, CurrentUser me) {
        this.service = service;
        this.reports = reports;
        this.monitoring = monitoring;
        this.me = me;
    }

    @GET
    @Path("/review/exams")
    @Authenticated
    public List<ReviewService.ExamOption> exams() {
        return service.exams(me.actor());
    }

    /** The queue: {@code ?exam=&flag=&verdict=UNREVIEWED|VALID|ANNULLED|RESIT&scoreBelow=}. */
    @GET
    @Path("/review/queue")
    @Authenticated
    public List<ReviewQueue.Row> queue(@QueryParam("exam") UUID exam, @QueryParam("flag") String flag,
                                       @QueryParam("verdict") String verdict, @QueryParam("scoreBelow") Integer scoreBelow) {
        ReviewQueue.VerdictState state = null;
        if (verdict != null && !verdict.isBlank()) {
            try {
                state = ReviewQueue.VerdictState.valueOf(verdict.trim().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("QUEUE_FILTER_INVALID", "verdict is UNREVIEWED, VALID, ANNULLED or RESIT");
            }
        }
        if (scoreBelow != null && (scoreBelow < 0 || scoreBelow > 101)) {
            throw Problem.badRequest("QUEUE_FILTER_INVALID", "scoreBelow is 0 to 101");
        }
        return service.queue(me.actor(), new ReviewQueue.Filter(exam, flag == null || flag.isBlank() ? null : flag.trim(), state, scoreBelow));
    }

    @GET
    @Path("/review/attempts/{id}")
    @Authenticated
    public ReviewViews.AttemptReview attempt(@PathParam("id") UUID id) {
        return service.attempt(id, me.actor());
    }

    /** The student's own flags, decisions, verdict and evidence (for an appeal); 404 for anyone else's attempt. */
    @GET
    @Path("/review/attempts/{id}/mine")
    @RolesAllowed(Role.Names.STUDENT)
    public ReviewViews.AttemptReview mine(@PathParam("id") UUID id) {
        return service.mine(id, me.id());
    }

    @GET
    @Path("/review/attempts/{id}/snapshots/{snapshotId}")
    @Authenticated
    @Produces("image/jpeg")
    public Response evidence(@PathParam("id") UUID id, @PathParam("snapshotId") UUID snapshotId) {
        return Response.ok(service.evidence(id, snapshotId, me.actor())).header("Cache-Control", "private, max-age=3600").build();
    }

    @PUT
    @Path("/review/attempts/{id}/flags/{key}")
    @Authenticated
    public ReviewViews.AttemptReview decideFlag(@PathParam("id") UUID id, @PathParam("key") String key,
                                                ReviewViews.FlagDecisionRequest body) {
        return service.decideFlag(id, key, body, me.actor());
    }

    @POST
    @Path("/review/attempts/{id}/verdict")
    @Authenticated
    public ReviewViews.AttemptReview verdict(@PathParam("id") UUID id, ReviewViews.VerdictRequest body) {
        return service.verdict(id, body, me.actor());
    }

    @GET
    @Path("/review/attempts/{id}/report.pdf")
    @Authenticated
    @Produces("application/pdf")
    public Response attemptReport(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(reports.attemptPdf(id, me.actor(), lang))
                .header("Content-Disposition", "inline; filename=\"attempt-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/review/exams/{id}/summary.csv")
    @Authenticated
    @Produces("text/csv")
    public Response examCsv(@PathParam("id") UUID id) {
        return Response.ok(reports.examCsv(id, me.actor())).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"exam-" + id + "-review.csv\"").build();
    }

    @GET
    @Path("/review/exams/{id}/summary.pdf")
    @Authenticated
    @Produces("application/pdf")
    public Response examPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(reports.examPdf(id, me.actor(), lang))
                .header("Content-Disposition", "inline; filename=\"exam-" + id + "-review.pdf\"").build();
    }

    /** Monitoring (001 §6.12.2) per exam for a period: {@code ?from=2026-11-01&to=2026-11-30} (dates of the exam's opening). */
    @GET
    @Path("/review/monitoring")
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.SYSTEM_ADMIN})
    public List<MonitoringReports.Row> monitoring(@QueryParam("from") String from, @QueryParam("to") String to) {
        return monitoring.rows(date(from), date(to));
    }

    @GET
    @Path("/review/monitoring.csv")
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.SYSTEM_ADMIN})
    @Produces("text/csv")
    public Response monitoringCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(monitoring.csv(date(from), date(to))).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"monitoring.csv\"").build();
    }

    @GET
    @Path("/review/monitoring.pdf")
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.SYSTEM_ADMIN})
    @Produces("application/pdf")
    public Response monitoringPdf(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("lang") String lang) {
        return Response.ok(monitoring.pdf(date(from), date(to), lang))
                .header("Content-Disposition", "attachment; filename=\"monitoring.pdf\"").build();
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("DATE_INVALID", "Dates are YYYY-MM-DD");
        }
    }
}
