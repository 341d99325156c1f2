package kz.adal.bank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the bank API returns and accepts. */
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

    public record Passport(String discipline, String programme, String language, String referenceMaterials) {}

    public record OptionView(String text, boolean correct) {}

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

    public record CreateBankRequest(String title, String discipline, String programme, String language, String referenceMaterials) {}

    public record QuestionRequest(String stem, List<OptionView> options, Difficulty difficulty, String topic) {}

    public record ApprovalRequest(LocalDate approvedOn, String minutesNumber) {}

    public record TypicalRequest(List<UUID> questionIds, String decision) {}

    public record ExpertListRequest(UUID userId, String academicYear, LocalDate approvedOn) {}

    public record ExpertListEntry(UUID userId, String fullName, String academicYear, LocalDate approvedOn) {}

    public record AssignReviewRequest(UUID expertId) {}

    public record ReviewDetail(UUID id, UUID versionId, UUID bankId, String bankTitle, int versionNumber, Passport passport,
                               String expert, String state, String academicYear, Boolean conformityOk, Boolean difficultyOk,
                               Boolean wordingOk, String overallComment, String conclusion, Boolean forComputer, Boolean forWritten,
                               LocalDate validFrom, LocalDate validUntil, List<QuestionView> questions, Map<UUID, String> comments,
                               boolean mine) {}

    public record ConclusionRequest(Boolean conformityOk, Boolean difficultyOk, Boolean wordingOk, String overallComment,
                                    ExpertReview.Conclusion conclusion, Boolean forComputer, Boolean forWritten) {}

    public record CommentRequest(String comment) {}

    public record ImportResult(int imported, int skipped) {}
}
