package kz.adal.bank;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.adal.platform.TimeSource;
import kz.adal.testing.DemoModeProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's banks (bin/demo); the tests' fixture (kz.adal.testing.TestData) has the same three. */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class DemoBanksTest {
    @Inject
    BankCatalog catalog;
    @Inject
    TimeSource time;

    @Test
    @Transactional
    void demoDataHasAValidApprovedReviewedBankInEachLanguage() {
        List<java.util.UUID> demoBanks = Bank.<Bank>list("title in ?1", DemoBanks.TITLES.values()).stream().map(b -> b.id).toList();
        // the approved versions: other tests of the same run (the access matrix, on PostgreSQL's shared database) may
        // have opened new drafts of the demo banks
        List<BankVersion> versions = BankVersion.list("bankId in ?1 and state = ?2", demoBanks, BankVersionState.APPROVED);
        Set<String> languages = versions.stream().map(v -> v.language).collect(Collectors.toSet());
        assertEquals(Set.of("kk", "ru", "en"), languages);
        for (BankVersion v : versions) {
            assertEquals(BankVersionState.APPROVED, v.state);
            BankCatalog.UsableVersion usable = catalog.requireUsable(v.id, time.today());
            assertEquals(v.language, usable.language());
            List<QuestionDraft> drafts = Question.<Question>list("versionId", v.id).stream().map(Question::toDraft).toList();
            assertEquals(120, drafts.size());
            BankValidationReport report = BankValidator.standard().validate(drafts);
            assertTrue(report.passes(), () -> v.language + ": " + report.issues());
        }
    }
}
