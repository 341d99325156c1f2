package kz.adal.bank;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.review.AcademicYear;
import kz.adal.bank.review.DemoReviews;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.DemoAccounts;
import kz.adal.platform.ProductionSecretsCheck;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo data: a 120-question bank in each of Kazakh, Russian and English that passes
 * validation, is approved by the department and has a positive expert conclusion. The tests' fixture
 * ({@code kz.adal.testing.TestData}) creates the same banks through {@link #create()}: the exams of the tests are
 * built on them.
 */
@ApplicationScoped
public class DemoBanks {
    private static final Logger LOG = Logger.getLogger(DemoBanks.class);
    public static final int PRIORITY = DemoAccounts.PRIORITY + 10;
    public static final Map<String, String> TITLES = Map.of(
            "kk", "Математика негіздері (демо)", "ru", "Основы математики (демо)", "en", "Foundations of mathematics (demo)");
    private static final Map<String, String> DISCIPLINES = Map.of(
            "kk", "Математика негіздері", "ru", "Основы математики", "en", "Foundations of mathematics");

    private final boolean enabled;
    private final TimeSource time;
    private final AuditTrail audit;

    DemoBanks(@ConfigProperty(name = "adal.demo.enabled") boolean enabled, TimeSource time, AuditTrail audit) {
        this.enabled = enabled;
        this.time = time;
        this.audit = audit;
    }

    @Transactional
    void seed(@Observes @Priority(PRIORITY) StartupEvent ev) {
        if (enabled) create();
    }

    /** Creates the banks when there are none yet and the demo accounts exist; demo mode or the test/dev profile only. */
    @Transactional
    public void create() {
        if (!ProductionSecretsCheck.demoMode(ConfigProvider.getConfig())) throw new IllegalStateException("demo banks outside demo mode");
        if (Bank.count() > 0) return;
        Person author = People.byLogin("author").orElse(null);
        Person head = People.byLogin("head").orElse(null);
        Person expert = People.byLogin("expert").orElse(null);
        if (author == null || head == null || expert == null) return;
        LocalDate today = time.today();
        AcademicYear year = AcademicYear.containing(today);
        DemoReviews.listExpert(expert.id(), year, head.id());
        long seed = 2026;
        for (String lang : List.of("kk", "ru", "en")) {
            Bank bank = new Bank();
            bank.title = TITLES.get(lang);
            bank.createdBy = author.id();
            bank.createdAt = time.now();
            bank.compilers = new java.util.HashSet<>(Set.of(author.id()));
            bank.typicalDecision = "Department meeting minutes No. 3: questions 1–20 are typical tasks";
            bank.persist();
            BankVersion v = new BankVersion();
            v.bankId = bank.id;
            v.number = 1;
            v.discipline = DISCIPLINES.get(lang);
            v.programme = "6B06102 Information systems";
            v.language = lang;
            v.referenceMaterials = switch (lang) {
                case "kk" -> "Көбейту кестесі; тригонометриялық функциялар мәндерінің кестесі";
                case "ru" -> "Таблица умножения; таблица значений тригонометрических функций";
                default -> "Multiplication table; table of trigonometric values";
            };
            v.createdAt = time.now();
            v.persist();
            int position = 0;
            for (QuestionDraft d : SampleBanks.generate(lang, 120, seed++)) {
                Question q = new Question();
                q.versionId = v.id;
                q.position = ++position;
                q.fill(d);
                q.typical = position <= 20;
                q.persist();
            }
            DepartmentApproval approval = new DepartmentApproval();
            approval.versionId = v.id;
            approval.approvedOn = today.minusDays(30);
            approval.minutesNumber = "3";
            approval.recordedBy = head.id();
            approval.recordedAt = time.now();
            approval.persist();
            v.approve(time.now());
            DemoReviews.concludedFit(v.id, expert.id(), head.id(), year, today, time.now());
            audit.record(Change.of("bank.demo-seeded", "bank", bank.id).scope(bank.id).detail(Map.of("language", lang, "questions", 120)));
        }
        LOG.info("Demo banks created: 3 × 120 questions (kk, ru, en), approved and reviewed");
    }
}
