package kz.adal.media;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.testing.OutsideServersProfile;
import kz.adal.testing.Browser;
import kz.adal.testing.S3StoreResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Direct uploads on, but the browser cannot reach the store (its PUTs fail, as they do when the bucket has no CORS
 * rule for the exam's origin or a campus firewall blocks the store's host): after three failures in a row the page
 * sends its chunks through the node instead; nothing of the recording is lost on the way. The failure is made by
 * the browser itself (every request to the store aborted), so this test shares the boot of the other direct-upload
 * tests instead of starting one with a store without CORS.
 */
@QuarkusTest
@TestProfile(OutsideServersProfile.class)
class DirectUploadFallbackBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void withoutTheBucketsCorsRuleThePageFallsBackToTheNode() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        List<String> throughNode = new CopyOnWriteArrayList<>();
        try (BrowserContext ctx = Browser.context()) {
            // fetch() rejects with a TypeError for an aborted request exactly as for a CORS refusal
            ctx.route(S3StoreResource.SERVER.endpoint().toString().replaceAll("/$", "") + "/**", route -> route.abort());
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.onRequest(r -> {
                if (r.url().contains("/chunks/") && r.method().equals("PUT")) throughNode.add(r.url());
            });
            page.navigate(base + "student/exam.html?attempt=" + attempt);
            page.waitForSelector("#recording-indicator [data-kind=camera][data-state=recording]");
            page.waitForCondition(() -> Boolean.FALSE.equals(page.evaluate("() => window.adalRecorder.direct")),
                    new Page.WaitForConditionOptions().setTimeout(90_000));
            page.waitForTimeout(8_000);
            page.waitForCondition(() -> "0".equals(page.locator("#recording-queue").getAttribute("data-pending")),
                    new Page.WaitForConditionOptions().setTimeout(90_000));
        }
        assertTrue(throughNode.size() >= 3, "chunks sent through the node after the fallback: " + throughNode.size());
        for (TrackKind kind : TrackKind.values()) {
            List<Integer> seqs = QuarkusTransaction.requiringNew().call(() -> MediaChunk.<MediaChunk>list(
                    "trackId in (select t.id from MediaTrack t where t.attemptId = ?1 and t.kind = ?2) and segment = 0 order by seq", attempt, kind)
                    .stream().map(c -> c.seq).toList());
            assertTrue(!seqs.isEmpty() && seqs.get(0) == 0, kind + ": chunk 0 recorded " + seqs);
            assertEquals(seqs.size() - 1, seqs.get(seqs.size() - 1).intValue(), kind + ": no hole " + seqs);
        }
    }
}
