package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.bank.BankCatalog;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.platform.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Practice mode (001 §5.23.2): the typical tasks of the banks used by the student's group's exams,
 * unproctored and ungraded. Nothing is stored. After each answer the student sees right or wrong and
 * the correct options — fine here, because typical tasks are published for preparation, not papers.
 */
@ApplicationScoped
public class PracticeService {
    private final BankCatalog catalog;
    private final CurrentUser me;

    PracticeService(BankCatalog catalog, CurrentUser me) {
        this.catalog = catalog;
        this.me = me;
    }

    public record PracticeBank(UUID versionId, String title, String discipline, String language, List<String> exams, int tasks) {}

    /** A typical task without its answer. */
    public record PracticeTask(UUID id, int number, String stem, boolean hasImage, String topic, List<String> options,
                               boolean multipleCorrect) {}

    public record Check(boolean correct, Set<Integer> correctOptions) {}

    @Transactional
    public List<PracticeBank> banks() {
        Map<UUID, List<String>> examsByVersion = new LinkedHashMap<>();
        for (Exam e : groupExams()) examsByVersion.computeIfAbsent(e.bankVersionId, v -> new ArrayList<>()).add(e.title);
        List<PracticeBank> out = new ArrayList<>();
        examsByVersion.forEach((versionId, titles) -> {
            List<BankCatalog.QuestionContent> typical = catalog.typical(versionId);
            if (typical.isEmpty()) return;
            BankCatalog.VersionSummary v = catalog.version(versionId).orElseThrow();
            out.add(new PracticeBank(versionId, v.title(), v.discipline(), v.language(), titles, typical.size()));
        });
        return out;
    }

    @Transactional
    public List<PracticeTask> tasks(UUID versionId) {
        requireOpen(versionId);
        List<PracticeTask> out = new ArrayList<>();
        int n = 0;
        for (BankCatalog.QuestionContent q : catalog.typical(versionId)) {
            out.add(new PracticeTask(q.id(), ++n, q.stem(), q.hasImage(), q.topic(), q.options(), q.correct().size() > 1));
        }
        return out;
    }

    @Transactional
    public Check check(UUID versionId, UUID questionId, Set<Integer> chosen) {
        requireOpen(versionId);
        BankCatalog.QuestionContent q = catalog.typical(versionId).stream().filter(x -> x.id().equals(questionId)).findFirst()
                .orElseThrow(() -> Problem.notFound("Typical task"));
        Set<Integer> picked = chosen == null ? Set.of() : new TreeSet<>(chosen);
        return new Check(picked.equals(q.correct()), q.correct());
    }

    @Transactional
    public BankCatalog.QuestionImage image(UUID versionId, UUID questionId) {
        requireOpen(versionId);
        if (catalog.typical(versionId).stream().noneMatch(x -> x.id().equals(questionId))) throw Problem.notFound("Typical task");
        BankCatalog.QuestionImage img = catalog.image(questionId);
        if (img == null) throw Problem.notFound("Image");
        return img;
    }

    /** Only the banks of the student's own group's exams are open to them. */
    private void requireOpen(UUID versionId) {
        if (groupExams().stream().noneMatch(e -> e.bankVersionId.equals(versionId))) {
            throw Problem.forbidden("This bank is not used by your group's exams");
        }
    }

    private List<Exam> groupExams() {
        Person s = People.find(me.id()).orElse(null);
        if (s == null || s.groupCode() == null) return List.of();
        return Exam.list("groupCode = ?1 and state = ?2 order by opensAt", s.groupCode(), ExamState.PUBLISHED);
    }
}
