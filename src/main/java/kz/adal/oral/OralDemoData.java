package kz.adal.oral;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.DemoAccounts;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** A demo sitting for today (chair, member1, member2, secretary, head; "student" admitted) with 10 Kazakh tickets. */
@ApplicationScoped
public class OralDemoData {
    private static final Logger LOG = Logger.getLogger(OralDemoData.class);
    static final String DEMO_TITLE = "Ақпараттық жүйелер: кешенді емтихан (ауызша, демо)";

    private final OralSetupService service;
    private final TimeSource time;
    private final boolean enabled;

    OralDemoData(OralSetupService service, TimeSource time, @ConfigProperty(name = "adal.demo.enabled") boolean enabled) {
        this.service = service;
        this.time = time;
        this.enabled = enabled;
    }

    @Transactional
    void seed(@Observes @Priority(DemoAccounts.PRIORITY + 50) StartupEvent ev) {
        if (!enabled || OralSitting.count() > 0) return;
        Person admin = People.byLogin("admin").orElse(null);
        if (admin == null) return;
        List<OralSetupService.TicketInput> tickets = new ArrayList<>();
        for (int i = 0; i < TOPICS.length; i++) {
            String[] t = TOPICS[i];
            tickets.add(new OralSetupService.TicketInput(i + 1, List.of(t[0], t[1], t[2])));
        }
        service.create(new Actor(admin.id(), admin.login(), EnumSet.of(Role.SYSTEM_ADMIN)), new OralSetupService.SetupRequest(
                DEMO_TITLE,
                "Демо: төтенше жағдай туралы шешім № 1 (оқу үшін ғана) — ауызша емтихан бейнебайланыс арқылы",
                OralSitting.BACHELOR, time.today(), "6B06102 Information systems", "kk",
                id("chair"), List.of(id("member1"), id("member2")), id("secretary"), id("head"),
                List.of(id("student")), false, 20, 15, tickets, null));
        LOG.info("Demo oral sitting created for today");
    }

    private static java.util.UUID id(String login) {
        return People.byLogin(login).orElseThrow().id();
    }

    private static final String[][] TOPICS = {
            {"Деректер қорының реляциялық моделін түсіндіріңіз.", "Қалыпқа келтірудің үш формасын мысалмен көрсетіңіз.", "SQL тіліндегі JOIN түрлерін салыстырыңыз."},
            {"Операциялық жүйенің негізгі функциялары қандай?", "Процесс пен ағынның айырмашылығын түсіндіріңіз.", "Жадты басқарудағы беттік ұйымдастыруды сипаттаңыз."},
            {"Компьютерлік желілердің OSI моделін сипаттаңыз.", "TCP мен UDP хаттамаларын салыстырыңыз.", "IP-адрестеу және ішкі желілерге бөлу қалай жүргізіледі?"},
            {"Объектіге бағытталған бағдарламалаудың принциптерін атаңыз.", "Инкапсуляция мен мұрагерлікке мысал келтіріңіз.", "Интерфейс пен абстрактілі класстың айырмашылығы неде?"},
            {"Алгоритмнің күрделілігі қалай бағаланады?", "Сұрыптаудың екі алгоритмін салыстырыңыз.", "Екілік іздеу ағашының қасиеттерін түсіндіріңіз."},
            {"Ақпараттық қауіпсіздіктің негізгі қағидаттары қандай?", "Симметриялы және асимметриялы шифрлауды салыстырыңыз.", "Цифрлық қолтаңба қалай жұмыс істейді?"},
            {"Бағдарламалық қамтамасыз етудің өмірлік циклін сипаттаңыз.", "Agile және Waterfall әдістемелерін салыстырыңыз.", "Талаптарды жинау әдістерін атаңыз."},
            {"Веб-қосымшаның клиент-серверлік архитектурасын түсіндіріңіз.", "HTTP әдістері мен күй кодтарын сипаттаңыз.", "REST API жобалаудың қағидаттарын атаңыз."},
            {"Бизнес-процестерді модельдеу не үшін қажет?", "BPMN нотациясының негізгі элементтерін атаңыз.", "Ақпараттық жүйені енгізу кезеңдерін сипаттаңыз."},
            {"Деректерді талдаудың негізгі кезеңдері қандай?", "Бақыланатын және бақыланбайтын оқытуды салыстырыңыз.", "Деректерді визуализациялаудың мақсаты неде?"},
    };
}
