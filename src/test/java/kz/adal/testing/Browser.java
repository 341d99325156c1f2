package kz.adal.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, shared by all browser tests in the JVM (never a
 * downloaded browser). Screenshots go to target/screenshots so a person can look at the pages.
 */
public final class Browser {
    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static Playwright playwright;
    private static final java.util.Map<String, com.microsoft.playwright.Browser> BROWSERS = new java.util.HashMap<>();

    private Browser() {}

    /** Skips (does not fail) only when explicitly asked to: CI installs Chromium and runs these. */
    public static void assumeAvailable() {
        Assumptions.assumeFalse(Boolean.getBoolean("adal.browser-tests.skip"), "browser tests switched off");
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is missing at " + CHROMIUM + ": apt-get install chromium (see .ci/run)");
        }
    }

    /** A browser with the default flags; extra flags (e.g. a fake camera file) get their own instance. */
    public static synchronized com.microsoft.playwright.Browser browser(String... extraArgs) {
        assumeAvailable();
        String key = String.join(" ", extraArgs);
        return BROWSERS.computeIfAbsent(key, k -> {
            if (playwright == null) {
                playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::closeAll));
            }
            List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
            args.addAll(List.of(extraArgs));
            return playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
        });
    }

    private static final List<String> CSP_VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static BrowserContext context(String... extraArgs) {
        // UTC on purpose, not the institution's Asia/Almaty: a page that reads a time in the browser's zone shows a wrong one
        BrowserContext ctx = browser(extraArgs).newContext(new NewContextOptions().setViewportSize(1280, 860).setTimezoneId("UTC")
                .setPermissions(List.of("camera", "microphone")));
        // every browser test reports what the Content-Security-Policy refused (Chromium logs "Refused to …")
        ctx.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().startsWith("Refused to")) {
                CSP_VIOLATIONS.add(m.page() == null ? m.text() : m.page().url() + ": " + m.text());
                System.err.println("CSP VIOLATION " + (m.page() == null ? "" : m.page().url()) + ": " + m.text());
            }
        });
        return ctx;
    }

    /** What the Content-Security-Policy refused in any page of any context so far (see {@link #context}). */
    public static List<String> cspViolations() {
        synchronized (CSP_VIOLATIONS) {
            return List.copyOf(CSP_VIOLATIONS);
        }
    }

    public static void forgetCspViolations() {
        CSP_VIOLATIONS.clear();
    }

    /** Opens the app's login page and logs in as a demo account; returns the page on /home.html. */
    public static Page loggedIn(BrowserContext ctx, String base, String login) {
        Page page = ctx.newPage();
        page.navigate(base + "index.html");
        page.locator("#login").fill(login);
        page.locator("#password").fill(Api.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/home.html");
        return page;
    }

    /**
     * A full-page picture in target/screenshots, only with {@code -Dadal.screenshots=true}: the suite takes about a
     * hundred, each a full-page PNG encode (a quarter to half a second, and more than the default 30 s on a loaded CI
     * machine), for pages nobody looks at in a normal run (issue #19: the suite's time).
     */
    public static void screenshot(Page page, String name) {
        if (!Boolean.getBoolean("adal.screenshots")) return;
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Where the per-role guides keep their pictures (docs/guides/*.md). */
    public static final Path GUIDES = Paths.get("docs/guides/img");

    /**
     * A picture for the per-role guides in docs/guides/img, only when {@code -Dadal.guides.screenshots=true} (so normal
     * runs leave the tree clean): the visible part of the page at 1024 px wide, as a JPEG small enough to commit.
     */
    public static void guide(Page page, String name) {
        if (!Boolean.getBoolean("adal.guides.screenshots")) return;
        try {
            Files.createDirectories(GUIDES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var size = page.viewportSize();
        page.setViewportSize(1024, 720);
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(GUIDES.resolve(name + ".jpg"))
                    .setType(com.microsoft.playwright.options.ScreenshotType.JPEG).setQuality(70));
        } finally {
            if (size != null) page.setViewportSize(size.width, size.height);
        }
    }

    static synchronized void closeAll() {
        BROWSERS.values().forEach(b -> { try { b.close(); } catch (RuntimeException ignored) { } });
        BROWSERS.clear();
        if (playwright != null) playwright.close();
        playwright = null;
    }
}
