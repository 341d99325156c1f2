package kz.adal.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoMatchTest {
    private final UUID aigerim = UUID.randomUUID();
    private final UUID bolat = UUID.randomUUID();
    private final UUID twin = UUID.randomUUID();
    private final Map<String, UUID> logins = Map.of("aigerim.s", aigerim, "bolat", bolat);
    private final Map<String, List<UUID>> emails = Map.of("bolat@uni.kz", List.of(bolat), "shared@uni.kz", List.of(bolat, twin));

    private SsoMatch.Outcome match(String login, String email, Boolean verified, boolean byEmail) {
        return SsoMatch.match(new SsoMatch.Claims(login, email, verified), byEmail,
                l -> Optional.ofNullable(logins.get(l)), e -> emails.getOrDefault(e, List.of()));
    }

    @Test
    void theLoginComesFirstAndIsComparedInLowerCase() {
        assertEquals(aigerim, match("Aigerim.S", "bolat@uni.kz", true, true).account());
    }

    @Test
    void aVerifiedEmailMatchesWhenTheLoginDoesNot() {
        assertEquals(bolat, match("b.unknown", "Bolat@Uni.kz", true, true).account());
    }

    @Test
    void anUnverifiedOrUnstatedEmailNeverMatches() {
        assertEquals("SSO_NO_ACCOUNT", match("b.unknown", "bolat@uni.kz", false, true).refusal());
        assertEquals("SSO_NO_ACCOUNT", match("b.unknown", "bolat@uni.kz", null, true).refusal());
    }

    @Test
    void matchingByEmailCanBeSwitchedOff() {
        assertEquals("SSO_NO_ACCOUNT", match(null, "bolat@uni.kz", true, false).refusal());
    }

    @Test
    void anEmailOfSeveralAccountsPicksNone() {
        SsoMatch.Outcome o = match(null, "shared@uni.kz", true, true);
        assertEquals(null, o.account());
        assertEquals("SSO_EMAIL_AMBIGUOUS", o.refusal());
    }

    @Test
    void nextIsAPathOnThisSiteOnly() {
        assertEquals("/student/index.html?x=1", SsoService.safeNext("/student/index.html?x=1"));
        for (String bad : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""}) {
            assertEquals(null, SsoService.safeNext(bad), bad);
        }
    }

    @Test
    void aRealServerRefusesToStartWithSsoHalfSetUpOrOverPlainHttp() {
        Optional<String> none = Optional.empty();
        assertTrue(SsoStartupCheck.refusal(false, none, none, none, false).isEmpty(), "off: nothing to check");
        assertTrue(SsoStartupCheck.refusal(true, none, Optional.of("c"), Optional.of("s"), false).orElseThrow().contains("issuer"));
        assertTrue(SsoStartupCheck.refusal(true, Optional.of("https://idp.uni.kz"), Optional.of("c"), none, false).orElseThrow().contains("secret"));
        assertTrue(SsoStartupCheck.refusal(true, Optional.of("http://idp.uni.kz"), Optional.of("c"), Optional.of("s"), false).orElseThrow().contains("https"));
        assertTrue(SsoStartupCheck.refusal(true, Optional.of("http://127.0.0.1:9"), Optional.of("c"), Optional.of("s"), true).isEmpty(), "demo may use a local provider");
        assertTrue(SsoStartupCheck.refusal(true, Optional.of("https://idp.uni.kz"), Optional.of("c"), Optional.of("s"), false).isEmpty());
    }
}
