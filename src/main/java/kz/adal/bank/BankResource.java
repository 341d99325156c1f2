package kz.adal.bank;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.bank.format.BankFormat;
import kz.adal.bank.format.ImportOptions;
import kz.adal.bank.format.ImportPreview;
import kz.adal.bank.format.ImportProblem;
import kz.adal.bank.review.ExpertReviewService;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Thin REST adapter over the bank services by seam: {@link BankQueries} (reads), {@link BankService} (commands),
 * {@link BankImports} (files in and out), {@link BankApprovals} (the department) and {@link ExpertReviewService}.
 */
@Path("/api")
@RolesAllowed({Role.Names.BANK_AUTHOR, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.BANK_EXPERT, Role.Names.TEACHER, Role.Names.SYSTEM_ADMIN})
public class BankResource {
    private final BankQueries queries;
    private final BankService banks;
    private final BankImports imports;
    private final BankApprovals approvals;
    private final ExpertReviewService reviews;

    @jakarta.inject.Inject kz.adal.platform.RequestLanguage language;

    BankResource(BankQueries queries, BankService banks, BankImports imports, BankApprovals approvals, ExpertReviewService reviews) {
        this.queries = queries;
        this.banks = banks;
        this.imports = imports;
        this.approvals = approvals;
        this.reviews = reviews;
    }

    @GET
    @Path("/banks")
    public List<BankViews.BankSummary> list() { return queries.list(); }

    @POST
    @Path("/banks")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.BankDetail create(BankViews.CreateBankRequest r) { return banks.create(r); }

    @GET
    @Path("/banks/{id}")
    public BankViews.BankDetail bank(@PathParam("id") UUID id) { return queries.detail(id); }

    @PUT
    @Path("/banks/{id}/compilers")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.BankDetail compilers(@PathParam("id") UUID id, List<UUID> compilerIds) { return banks.setCompilers(id, compilerIds); }

    @GET
    @Path("/bank-versions/{id}")
    public BankViews.VersionDetail version(@PathParam("id") UUID id) { return queries.versionDetail(id); }

    @GET
    @Path("/bank-versions/{id}/validation")
    public BankValidationReport validation(@PathParam("id") UUID id) { return queries.validation(id); }

    @PUT
    @Path("/bank-versions/{id}/passport")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.VersionDetail passport(@PathParam("id") UUID id, BankViews.Passport p) { return banks.updatePassport(id, p); }

    @POST
    @Path("/bank-versions/{id}/new-version")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.VersionDetail newVersion(@PathParam("id") UUID id) { return banks.newVersion(id); }

    @POST
    @Path("/bank-versions/{id}/questions")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.QuestionView addQuestion(@PathParam("id") UUID id, BankViews.QuestionRequest r) { return banks.addQuestion(id, r); }

    @PUT
    @Path("/questions/{id}")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.QuestionView updateQuestion(@PathParam("id") UUID id, BankViews.QuestionRequest r) { return banks.updateQuestion(id, r); }

    @DELETE
    @Path("/questions/{id}")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public void deleteQuestion(@PathParam("id") UUID id) { banks.deleteQuestion(id); }

    @PUT
    @Path("/questions/{id}/image")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    @Consumes(MediaType.WILDCARD)
    public void setImage(@PathParam("id") UUID id, byte[] bytes, @HeaderParam("Content-Type") String type) { banks.setImage(id, bytes, type); }

    @GET
    @Path("/questions/{id}/image")
    @Produces(MediaType.WILDCARD)
    public Response image(@PathParam("id") UUID id) {
        BankCatalog.QuestionImage img = queries.image(id);
        return Response.ok(img.bytes(), img.contentType()).header("Cache-Control", "private, max-age=300").build();
    }

    @PUT
    @Path("/bank-versions/{id}/typical")
    @RolesAllowed({Role.Names.BANK_AUTHOR, Role.Names.HEAD_OF_DEPARTMENT})
    public BankViews.VersionDetail typical(@PathParam("id") UUID id, BankViews.TypicalRequest r) { return banks.setTypical(id, r); }

    @POST
    @Path("/bank-versions/{id}/materials")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    @Consumes(MediaType.WILDCARD)
    public BankViews.MaterialView addMaterial(@PathParam("id") UUID id, @QueryParam("name") String name, byte[] bytes,
                                              @HeaderParam("Content-Type") String type) {
        return banks.addMaterial(id, name, type, bytes);
    }

    @GET
    @Path("/bank-materials/{id}")
    @Produces(MediaType.WILDCARD)
    public Response material(@PathParam("id") UUID id) {
        BankCatalog.MaterialFile m = queries.material(id);
        return Response.ok(m.content(), m.contentType()).header("Content-Disposition", contentDisposition("inline", m.fileName())).build();
    }

    /** A header that no file name can break: an ASCII fallback plus the exact name per RFC 6266/5987. */
    public static String contentDisposition(String kind, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    @DELETE
    @Path("/bank-materials/{id}")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public void deleteMaterial(@PathParam("id") UUID id) { banks.deleteMaterial(id); }

    // ---- import / export

    @POST
    @Path("/bank-versions/{id}/import/preview")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    @Consumes(MediaType.WILDCARD)
    public ImportPreview preview(@PathParam("id") UUID id, @QueryParam("format") String format,
                                 @QueryParam("defaultDifficulty") String difficulty, @QueryParam("defaultTopic") String topic,
                                 InputStream body) {
        return ImportProblem.in(imports.preview(id, body, format(format), options(difficulty, topic)), language.get());
    }

    @POST
    @Path("/bank-versions/{id}/import/apply")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    @Consumes(MediaType.WILDCARD)
    public BankViews.ImportResult apply(@PathParam("id") UUID id, @QueryParam("format") String format,
                                        @QueryParam("defaultDifficulty") String difficulty, @QueryParam("defaultTopic") String topic,
                                        @QueryParam("skipInvalid") @DefaultValue("false") boolean skipInvalid, InputStream body) {
        ImportOptions options = options(difficulty, topic);
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) options.maxBytes() + 1);
        } catch (IOException e) {
            throw Problem.badRequest("UNREADABLE", "The upload could not be read");
        }
        if (bytes.length > options.maxBytes()) {
            throw Problem.badRequest("FILE_TOO_LARGE", "The file is larger than " + options.maxBytes() / (1024 * 1024) + " MB");
        }
        return imports.applyImport(id, bytes, format(format), options, skipInvalid);
    }

    @GET
    @Path("/bank-versions/{id}/export")
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("id") UUID id, @QueryParam("format") String format) {
        BankFormat f = format(format);
        String ext = switch (f) { case AIKEN -> "txt"; case GIFT -> "gift"; case MOODLE_XML -> "xml"; };
        String type = f == BankFormat.MOODLE_XML ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8";
        return Response.ok(imports.export(id, f), type)
                .header("Content-Disposition", "attachment; filename=\"bank-" + id.toString().substring(0, 8) + "." + ext + "\"").build();
    }

    private static BankFormat format(String f) {
        if (f == null) throw Problem.badRequest("FORMAT_REQUIRED", "Say which format: AIKEN, GIFT or MOODLE_XML");
        try {
            return BankFormat.valueOf(f.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("UNKNOWN_FORMAT", "Format must be AIKEN, GIFT or MOODLE_XML");
        }
    }

    private static ImportOptions options(String difficulty, String topic) {
        ImportOptions o = ImportOptions.defaults();
        if (difficulty != null && !difficulty.isBlank()) {
            o = o.withDefaultDifficulty(Difficulty.fromWord(difficulty)
                    .orElseThrow(() -> Problem.badRequest("UNKNOWN_DIFFICULTY", "Difficulty must be easy, medium or hard")));
        }
        if (topic != null && !topic.isBlank()) o = o.withDefaultTopic(topic.strip());
        return o;
    }

    // ---- approval and review

    /** The author sends the draft to the department meeting (001 §5.19); the heads of department are told. */
    @POST
    @Path("/bank-versions/{id}/submission")
    @RolesAllowed(Role.Names.BANK_AUTHOR)
    public BankViews.VersionDetail submit(@PathParam("id") UUID id, BankViews.SubmitRequest r) { return approvals.submitToDepartment(id, r); }

    @POST
    @Path("/bank-versions/{id}/approval")
    @RolesAllowed(Role.Names.HEAD_OF_DEPARTMENT)
    public BankViews.VersionDetail approve(@PathParam("id") UUID id, BankViews.ApprovalRequest r) { return approvals.approve(id, r); }

    @GET
    @Path("/experts")
    @RolesAllowed({Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public List<BankViews.ExpertListEntry> experts(@QueryParam("year") String year) { return reviews.expertList(year); }

    @POST
    @Path("/experts")
    @RolesAllowed(Role.Names.HEAD_OF_DEPARTMENT)
    public BankViews.ExpertListEntry addExpert(BankViews.ExpertListRequest r) { return reviews.addExpert(r); }

    @POST
    @Path("/bank-versions/{id}/reviews")
    @RolesAllowed(Role.Names.HEAD_OF_DEPARTMENT)
    public BankViews.ReviewDetail assign(@PathParam("id") UUID id, BankViews.AssignReviewRequest r) {
        return reviews.assign(id, r == null ? null : r.expertId());
    }

    @GET
    @Path("/reviews/mine")
    @RolesAllowed(Role.Names.BANK_EXPERT)
    public List<BankViews.ReviewDetail> myReviews() { return reviews.mine(); }

    @GET
    @Path("/reviews/{id}")
    public BankViews.ReviewDetail review(@PathParam("id") UUID id) { return reviews.detail(id); }

    @PUT
    @Path("/reviews/{id}/comments/{questionId}")
    @RolesAllowed(Role.Names.BANK_EXPERT)
    public void comment(@PathParam("id") UUID id, @PathParam("questionId") UUID questionId, BankViews.CommentRequest r) {
        reviews.comment(id, questionId, r == null ? null : r.comment());
    }

    @POST
    @Path("/reviews/{id}/conclusion")
    @RolesAllowed(Role.Names.BANK_EXPERT)
    public BankViews.ReviewDetail conclude(@PathParam("id") UUID id, BankViews.ConclusionRequest r) { return reviews.conclude(id, r); }

    // ---- printable documents (001 §5.27)

    @GET
    @Path("/bank-versions/{id}/passport.pdf")
    @Produces("application/pdf")
    public Response passportPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return pdf(queries.passportPdf(id, lang), "passport-" + id.toString().substring(0, 8) + ".pdf");
    }

    @GET
    @Path("/reviews/{id}/conclusion.pdf")
    @Produces("application/pdf")
    public Response conclusionPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return pdf(reviews.conclusionPdf(id, lang), "conclusion-" + id.toString().substring(0, 8) + ".pdf");
    }

    static Response pdf(byte[] bytes, String name) {
        return Response.ok(new ByteArrayInputStream(bytes), "application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }
}
