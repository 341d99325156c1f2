package kz.adal.testing;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.bank.DemoBanks;
import kz.adal.identity.DemoAccounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data every test boot starts with, instead of the whole demo data set (issue #19): the demo people
 * ({@code Api.as("teacher")}, {@code "chair"}, {@code "student"}... with their names, groups and e-mails, which tests
 * read) and the three sample banks that {@link Fixtures#publishedExam} and the exam tests build on. Not the demo's
 * exams, oral sitting, working calendar or proctor assignments: a test that needs those makes its own, and the demo
 * data itself is checked under {@link DemoModeProfile}, where the demo seeds everything and this does nothing.
 * A bean of the test sources, so only the tests' application has it.
 */
@ApplicationScoped
class TestData {
    private final DemoAccounts accounts;
    private final DemoBanks banks;
    private final boolean demo;

    TestData(DemoAccounts accounts, DemoBanks banks, @ConfigProperty(name = "adal.demo.enabled") boolean demo) {
        this.accounts = accounts;
        this.banks = banks;
        this.demo = demo;
    }

    void seed(@Observes @Priority(DemoAccounts.PRIORITY) StartupEvent ev) {
        if (demo) return;
        accounts.create();
        banks.create();
    }
}
