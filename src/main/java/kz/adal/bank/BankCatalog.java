package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.bank.review.ExpertReviews;
import kz.adal.platform.Problem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What other features (exams, attempts, practice) may read from banks. Only versions that are
 * approved and carry a valid positive expert conclusion are usable (001 §5.19, §5.26).
 */
@ApplicationScoped
public class BankCatalog {

    public record UsableVersion(UUID versionId, UUID bankId, String title, int number, String discipline, String programme,
                                String language, String referenceMaterials, List<MaterialRef> materials, LocalDate reviewValidUntil) {}

    public record MaterialRef(UUID id, String fileName, String contentType) {}

    /** One question of the eligible pool, without content: enough to draw. */
    public record PoolQuestion(UUID id, Difficulty difficulty, String topic) {}

    /** Full content, including which options are correct: never send this to a student before grading. */
    public record QuestionContent(UUID id, String stem, boolean hasImage, Difficulty difficulty, String topic,
                                  List<String> options, Set<Integer> correct) {}

    /**
     * The version if an exam may use it on {@code day}: approved by the department and with a
     * positive conclusion for computer testing valid that day. Otherwise a 409 that says why.
     */
    @Transactional
    public UsableVersion requireUsable(UUID versionId, LocalDate day) {
        BankVersion v = BankVersion.findById(versionId);
        if (v == null) throw Problem.notFound("Bank version");
        if (v.state != BankVersionState.APPROVED) {
            throw Problem.conflict("BANK_NOT_APPROVED", "Bank version " + v.number + " is not approved by the department (001 §5.19)");
        }
        LocalDate validUntil = ExpertReviews.computerTestingValidUntil(versionId, day)
                .orElseThrow(() -> Problem.conflict("BANK_NOT_REVIEWED",
                        "Bank version " + v.number + " has no positive expert conclusion for computer testing valid on " + day + " (001 §5.26)"));
        Bank b = Bank.findById(v.bankId);
        List<MaterialRef> materials = BankMaterial.<BankMaterial>list("versionId", versionId).stream()
                .map(m -> new MaterialRef(m.id, m.fileName, m.contentType)).toList();
        return new UsableVersion(v.id, v.bankId, b.title, v.number, v.discipline, v.programme, v.language, v.referenceMaterials,
                materials, validUntil);
    }

    /** A version as a list shows it: its bank's title, number, discipline and language. */
    public record VersionSummary(UUID versionId, UUID bankId, String title, int number, String discipline, String language) {}

    @Transactional
    public java.util.Optional<VersionSummary> version(UUID versionId) {
        BankVersion v = versionId == null ? null : BankVersion.findById(versionId);
        if (v == null) return java.util.Optional.empty();
        Bank b = Bank.findById(v.bankId);
        return java.util.Optional.of(new VersionSummary(v.id, v.bankId, b.title, v.number, v.discipline, v.language));
    }

    /** The department-approved versions, by id (whether each is usable on a day is {@link #requireUsable}'s answer). */
    @Transactional
    public List<UUID> approvedVersions() {
        return BankVersion.<BankVersion>list("state", BankVersionState.APPROVED).stream().map(v -> v.id).toList();
    }

    /** The latest approved version of the bank with this title, if any (the demo data finds its banks by title). */
    @Transactional
    public java.util.Optional<UUID> latestApprovedOf(String bankTitle) {
        Bank bank = Bank.find("title", bankTitle).firstResult();
        if (bank == null) return java.util.Optional.empty();
        BankVersion v = BankVersion.find("bankId = ?1 and state = ?2 order by number desc", bank.id, BankVersionState.APPROVED).firstResult();
        return java.util.Optional.ofNullable(v).map(x -> x.id);
    }

    /** The questions of a version whose topic is among {@code topics} (all when topics is empty). */
    @Transactional
    public List<PoolQuestion> pool(UUID versionId, Set<String> topics) {
        List<Question> qs = Question.list("versionId = ?1 order by position", versionId);
        return qs.stream()
                .filter(q -> topics == null || topics.isEmpty() || (q.topic != null && topics.contains(q.topic)))
                .map(q -> new PoolQuestion(q.id, q.difficulty, q.topic)).toList();
    }

    @Transactional
    public List<String> topics(UUID versionId) {
        return Question.<Question>list("versionId", versionId).stream().map(q -> q.topic).filter(t -> t != null)
                .distinct().sorted().toList();
    }

    @Transactional
    public Map<UUID, QuestionContent> content(Collection<UUID> questionIds) {
        if (questionIds.isEmpty()) return Map.of();
        List<Question> qs = Question.list("id in ?1", questionIds);
        return qs.stream().map(BankCatalog::content).collect(Collectors.toMap(QuestionContent::id, Function.identity()));
    }

    /** The typical tasks open for practice (001 §5.23.2). */
    @Transactional
    public List<QuestionContent> typical(UUID versionId) {
        List<Question> qs = Question.list("versionId = ?1 and typical = true order by position", versionId);
        return qs.stream().map(BankCatalog::content).toList();
    }

    /** A question's image, for showing it in an exam (null when it has none). */
    @Transactional
    public QuestionImage image(UUID questionId) {
        Question q = Question.findById(questionId);
        return q == null || q.image == null ? null : new QuestionImage(q.image, q.imageType);
    }

    public record QuestionImage(byte[] bytes, String contentType) {}

    /**
     * A reference material's file, read whole while the transaction is open: its content is loaded
     * lazily, and touching it after the transaction answered every download with a 500.
     */
    public record MaterialFile(UUID versionId, String fileName, String contentType, byte[] content) {
        static MaterialFile of(BankMaterial m) {
            return new MaterialFile(m.versionId, m.fileName, m.contentType, m.content);
        }
    }

    @Transactional
    public java.util.Optional<MaterialFile> material(UUID materialId) {
        return BankMaterial.<BankMaterial>findByIdOptional(materialId).map(MaterialFile::of);
    }

    static QuestionContent content(Question q) {
        Set<Integer> correct = new java.util.TreeSet<>();
        for (int i = 0; i < q.options.size(); i++) if (q.options.get(i).correct) correct.add(i);
        return new QuestionContent(q.id, q.stem, q.image != null, q.difficulty, q.topic,
                q.options.stream().map(o -> o.text).toList(), correct);
    }
}
