package kz.adal.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.platform.ProductionSecretsCheck;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Demo accounts, one or more per role, created on an empty database when {@code adal.demo.enabled}.
 * Other features add their demo data after this (higher priority numbers run later). The tests' fixture
 * ({@code kz.adal.testing.TestData}) creates the same people through {@link #create()}, without the rest of the demo.
 */
@ApplicationScoped
public class DemoAccounts {
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    public static final int PRIORITY = 100;

    /** login → (full name, roles, group, language) */
    record Demo(String name, Set<Role> roles, String group, String language) {}

    static final Map<String, Demo> ACCOUNTS = new LinkedHashMap<>();
    static {
        ACCOUNTS.put("admin", new Demo("Әкімші Жүйе", EnumSet.of(Role.SYSTEM_ADMIN), null, null));
        ACCOUNTS.put("student", new Demo("Айгерім Сәрсенова", EnumSet.of(Role.STUDENT), "IS-22-1k", "kk"));
        ACCOUNTS.put("student.ru", new Demo("Дмитрий Ким", EnumSet.of(Role.STUDENT), "IS-22-1r", "ru"));
        ACCOUNTS.put("student.en", new Demo("Dana Omarova", EnumSet.of(Role.STUDENT), "IS-22-1e", "en"));
        ACCOUNTS.put("teacher", new Demo("Ерлан Тоқтаров", EnumSet.of(Role.TEACHER), null, null));
        ACCOUNTS.put("author", new Demo("Гүлнар Ахметова", EnumSet.of(Role.BANK_AUTHOR, Role.TEACHER), null, null));
        ACCOUNTS.put("head", new Demo("Серік Нұрланов", EnumSet.of(Role.HEAD_OF_DEPARTMENT, Role.TEACHER), null, null));
        ACCOUNTS.put("expert", new Demo("Мария Иванова", EnumSet.of(Role.BANK_EXPERT), null, null));
        ACCOUNTS.put("dean", new Demo("Бауыржан Әлиев", EnumSet.of(Role.DEAN), null, null));
        ACCOUNTS.put("policy", new Demo("Жанар Қасымова", EnumSet.of(Role.ACADEMIC_POLICY_DIRECTOR), null, null));
        ACCOUNTS.put("vicerector", new Demo("Асқар Бекұлы", EnumSet.of(Role.ACADEMIC_VICE_RECTOR), null, null));
        ACCOUNTS.put("registrar", new Demo("Ольга Петрова", EnumSet.of(Role.REGISTRAR), null, null));
        ACCOUNTS.put("portal", new Demo("Нұржан Сейітов", EnumSet.of(Role.PORTAL_ADMIN), null, null));
        ACCOUNTS.put("proctor", new Demo("Әсел Мұратқызы", EnumSet.of(Role.PROCTOR), null, null));
        ACCOUNTS.put("secretary", new Demo("Динара Жұмабаева", EnumSet.of(Role.TECHNICAL_SECRETARY), null, null));
        ACCOUNTS.put("reviewer", new Demo("Тимур Абенов", EnumSet.of(Role.REVIEWER), null, null));
        ACCOUNTS.put("chair", new Demo("Қайрат Омаров", EnumSet.of(Role.TEACHER), null, null));
        ACCOUNTS.put("member1", new Demo("Лаура Сейдахметова", EnumSet.of(Role.TEACHER), null, null));
        ACCOUNTS.put("member2", new Demo("Виктор Ли", EnumSet.of(Role.TEACHER), null, null));
    }

    private final UserService users;
    private final boolean enabled;
    private final String password;

    DemoAccounts(UserService users, @ConfigProperty(name = "adal.demo.enabled") boolean enabled,
                 @ConfigProperty(name = "adal.demo.password") String password) {
        this.users = users;
        this.enabled = enabled;
        this.password = password;
    }

    @Transactional
    void seed(@Observes @Priority(PRIORITY) StartupEvent ev) {
        if (enabled) create();
    }

    /**
     * Creates the accounts when there are no accounts yet. Demo mode or the test/dev profile only: the published
     * demo password must never open an account of a real institution (ProductionSecretsCheck.demoMode).
     */
    @Transactional
    public void create() {
        if (!ProductionSecretsCheck.demoMode(ConfigProvider.getConfig())) throw new IllegalStateException("demo accounts outside demo mode");
        if (AppUser.count() > 0) return;
        ACCOUNTS.forEach((login, d) -> users.createDemo(new UserService.NewUser(login, d.name(), login + "@demo.adal.kz", d.roles(),
                d.group(), d.group() == null ? null : "6B06102 Information systems", d.language(), password, true, false)));
        LOG.info("Demo accounts created");
    }

    /** Printed at start-up (after the URL) so a newcomer can log in as any role. */
    void announce(@Observes @Priority(10_001) StartupEvent ev) {
        if (!enabled) return;
        StringBuilder sb = new StringBuilder("\n  Demo logins (password '" + password + "'):\n");
        ACCOUNTS.forEach((login, d) -> sb.append(String.format("    %-12s %s%n", login, d.roles())));
        LOG.info(sb);
    }
}
