package kz.adal.exam;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankCatalog;
import kz.adal.bank.DemoBanks;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/**
 * Demo exams: a published intermediate attestation for each demo group in its language, open from an
 * hour ago for a week, with every student admitted; and an intermediate control opening tomorrow
 * (to show the countdown).
 */
@ApplicationScoped
public class DemoExams {
    private static final Logger LOG = Logger.getLogger(DemoExams.class);
    public static final int PRIORITY = DemoBanks.PRIORITY + 10;
    /** Demo group → language of instruction. */
    public static final Map<String, String> GROUPS = Map.of("IS-22-1k", "kk", "IS-22-1r", "ru", "IS-22-1e", "en");

    private final boolean enabled;
    private final TimeSource time;
    private final AuditTrail audit;
    private final BankCatalog catalog;

    DemoExams(@ConfigProperty(name = "adal.demo.enabled") boolean enabled, TimeSource time, AuditTrail audit, BankCatalog catalog) {
        this.enabled = enabled;
        this.time = time;
        this.audit = audit;
        this.catalog = catalog;
    }

    @Transactional
    void seed(@Observes @Priority(PRIORITY) StartupEvent ev) {
        if (!enabled || Exam.count() > 0) return;
        Person teacher = People.byLogin("teacher").orElse(null);
        if (teacher == null) return;
        Instant now = time.now();
        String period = academicPeriod(time.today());
        for (Map.Entry<String, String> g : GROUPS.entrySet()) {
            UUID version = demoVersion(g.getValue());
            if (version == null) continue;
            Exam e = exam(teacher, version, g.getKey(), AssessmentKind.INTERMEDIATE_ATTESTATION, period,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)));
            e.title = switch (g.getValue()) {
                case "kk" -> "Аралық аттестаттау: " + e.discipline;
                case "ru" -> "Промежуточная аттестация: " + e.discipline;
                default -> "Intermediate attestation: " + e.discipline;
            };
            e.attestationKey = ExamService.attestationKey(e.discipline, e.groupCode, e.academicPeriod);
            e.persist();
            for (Person s : ExamService.groupStudents(g.getKey())) {
                Admission a = new Admission();
                a.key = new Admission.ExamStudent(e.id, s.id());
                a.admitted = true;
                a.reason = "Demo: all control tasks completed";
                a.source = Admission.Source.MANUAL;
                a.decidedBy = teacher.id();
                a.decidedAt = now;
                a.persist();
            }
            audit.record(Change.of("exam.demo-seeded", "exam", e.id).scope(e.id).detail(Map.of("group", e.groupCode)),
                    teacher.id(), teacher.login());
        }
        UUID kk = demoVersion("kk");
        if (kk != null) {
            Instant tomorrow = time.today().plusDays(1).atTime(LocalTime.of(10, 0)).atZone(TimeSource.ZONE).toInstant();
            Exam e = exam(teacher, kk, "IS-22-1k", AssessmentKind.INTERMEDIATE_CONTROL, period, tomorrow, tomorrow.plus(Duration.ofDays(7)));
            e.title = "Аралық бақылау: " + e.discipline;
            e.persist();
            audit.record(Change.of("exam.demo-seeded", "exam", e.id).scope(e.id).detail(Map.of("group", e.groupCode)),
                    teacher.id(), teacher.login());
        }
        LOG.info("Demo exams created: an intermediate attestation per demo group, open now; a control opening tomorrow");
    }

    /** September–January is the first term of the academic year, February–August the second. */
    static String academicPeriod(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        int term = day.getMonthValue() >= 9 || day.getMonthValue() == 1 ? 1 : 2;
        return start + "-" + (start + 1) + "/" + term;
    }

    private Exam exam(Person teacher, UUID version, String group, AssessmentKind kind, String period, Instant opens, Instant closes) {
        Exam e = new Exam();
        e.kind = kind;
        e.discipline = catalog.requireUsable(version, time.today()).discipline();
        e.groupCode = group;
        e.academicPeriod = period;
        e.bankVersionId = version;
        e.topics.addAll(catalog.topics(version));
        e.questionCount = 30;
        e.durationMinutes = 50;
        e.attemptsAllowed = 1;
        e.multipleCorrectRule = MultipleCorrectRule.ALL_OR_NOTHING;
        e.opensAt = opens;
        e.closesAt = closes;
        e.lateStartPolicy = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;
        e.resultsVisibleAt = closes;
        e.deliveryMode = DeliveryMode.REMOTE_PROCTORED;
        e.createdBy = teacher.id();
        e.createdAt = time.now();
        e.publish(time.now());
        return e;
    }

    private UUID demoVersion(String language) {
        return catalog.latestApprovedOf(DemoBanks.TITLES.get(language)).orElse(null);
    }
}
