package kz.adal.bank;

import kz.adal.bank.review.Conclusion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the bank API returns and accepts. A request's rules of one field are its constraints, checked by the service
 * with {@link kz.adal.platform.Fields#check} where it used to check them by hand; the rules across fields and of state
 * stay in the service.
 */
public final class BankViews {
    private BankViews() {}

    public record PersonRef(UUID id, String fullName) {}

    public record BankSummary(UUID id, String title, String discipline, String language, List<PersonRef> compilers,
                              int latestVersion, String latestState, boolean usable, Instant sentToDepartmentAt) {}

    public record BankDetail(UUID id, String title, List<PersonRef> compilers, String typicalDecision,
                             List<VersionSummary> versions, boolean canEdit, boolean canApprove) {}

    public record VersionSummary(int number, UUID id, String state, int questions, Instant createdAt, Instant frozenAt,
                                 ApprovalView approval, List<ReviewSummary> reviews) {}

    public record ApprovalView(LocalDate approvedOn, String minutesNumber, String recordedBy) {}

    public record ReviewSummary(UUID id, String expert, String state, String conclusion, Boolean forComputer, Boolean forWritten,
                                String academicYear, LocalDate validUntil) {}

    /** The bank passport (001 §5.22): also what a new version copies, so its stored values keep these rules. */
    public record Passport(@NotBlank(message = REQUIRED) String discipline, @NotBlank(message = REQUIRED) String programme,
                           @NotNull(message = REQUIRED) @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String language,
                           String referenceMaterials) {}

    static final String REQUIRED = "is required";
    /** The languages a bank is written in, exactly as stored. */
    static final String LANGUAGE = "kk|ru|en";
    static final String LANGUAGE_MESSAGE = "must be kk, ru or en";

    public record OptionView(@NotBlank(message = REQUIRED) String text, boolean correct) {}

    public record QuestionView(UUID id, int position, String stem, boolean hasImage, Difficulty difficulty, String topic,
                               boolean typical, List<OptionView> options) {}

    public record MaterialView(UUID id, String fileName, String contentType) {}

    public record VersionDetail(UUID id, UUID bankId, String bankTitle, int number, String state, Passport passport,
                                List<PersonRef> compilers, List<MaterialView> materials, List<QuestionView> questions,
                                BankValidationReport validation, ApprovalView approval, List<ReviewSummary> reviews,
                                boolean editable, boolean canEdit, boolean canApprove, SubmissionView submission) {}

    /** When and by whom a draft was sent to the department meeting for approval (001 §5.19). */
    public record SubmissionView(Instant submittedAt, String submittedBy, String note) {}

    public record SubmitRequest(String note) {}

    public record CreateBankRequest(@NotBlank(message = REQUIRED) String title, @NotBlank(message = REQUIRED) String discipline,
                                    @NotBlank(message = REQUIRED) String programme,
                                    @NotNull(message = REQUIRED) @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String language,
                                    String referenceMaterials) {}

    /**
     * A question as the author writes it: exactly five options (001 §7.6), each with text. That one is correct and
     * no two say the same are rules across options ({@code BankService.checkedDraft}).
     */
    public record QuestionRequest(@NotBlank(message = REQUIRED) @Size(max = 4000, message = "{problem.STEM_TOO_LONG}") String stem,
                                  @NotNull(message = "{problem.OPTION_COUNT}") @Size(min = 5, max = 5, message = "{problem.OPTION_COUNT}")
                                  List<@NotNull(message = REQUIRED) @Valid OptionView> options,
                                  @NotNull(message = REQUIRED) Difficulty difficulty, String topic) {}

    /** The department meeting's approval (001 §5.19); that its date is not in the future needs the clock (the service's). */
    public record ApprovalRequest(@NotNull(message = REQUIRED) LocalDate approvedOn, @NotBlank(message = REQUIRED) String minutesNumber) {}

    public record TypicalRequest(List<UUID> questionIds, @NotBlank(message = REQUIRED) String decision) {}

    public record ExpertListRequest(@NotNull(message = REQUIRED) UUID userId, String academicYear,
                                    @NotNull(message = REQUIRED) LocalDate approvedOn) {}

    public record ExpertListEntry(UUID userId, String fullName, String academicYear, LocalDate approvedOn) {}

    /** The bank's compilers (the body is the bare list of their ids): at least one. */
    public record CompilersRequest(@jakarta.validation.constraints.NotEmpty(message = "{problem.COMPILERS_REQUIRED}") List<UUID> compilerIds) {}

    public record AssignReviewRequest(@NotNull(message = REQUIRED) UUID expertId) {}

    public record ReviewDetail(UUID id, UUID versionId, UUID bankId, String bankTitle, int versionNumber, Passport passport,
                               String expert, String state, String academicYear, Boolean conformityOk, Boolean difficultyOk,
                               Boolean wordingOk, String overallComment, String conclusion, Boolean forComputer, Boolean forWritten,
                               LocalDate validFrom, LocalDate validUntil, List<QuestionView> questions, Map<UUID, String> comments,
                               boolean mine) {}

    /**
     * The expert's conclusion (001 §5.25–5.26): every criterion answered, fit or not, and a comment. What a fit
     * conclusion also needs (a use, every criterion met) is a rule across fields ({@code ExpertReviewService.conclude}).
     */
    public record ConclusionRequest(@NotNull(message = REQUIRED) Boolean conformityOk, @NotNull(message = REQUIRED) Boolean difficultyOk,
                                    @NotNull(message = REQUIRED) Boolean wordingOk, @NotBlank(message = REQUIRED) String overallComment,
                                    @NotNull(message = REQUIRED) Conclusion conclusion, Boolean forComputer, Boolean forWritten) {}

    /** A blank comment removes the question's comment; a longer one than this is refused. */
    public record CommentRequest(@Size(max = 2000, message = "{problem.COMMENT_TOO_LONG}") String comment) {}

    public record ImportResult(int imported, int skipped) {}
}
