package kz.adal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the suite's Quarkus boots few (issue #19). Every distinct test profile, and every class with a test resource
 * restricted to it, makes the suite build and start the application once more: 30–50 s each on CI's two cores, and
 * several minutes on a loaded machine. A new profile is added here on purpose, with its reason, or a test joins an
 * existing boot (docs/benchmarks.md, "The suite's boots"). Benchmarks (*Bench) are not part of the suite.
 */
class TestBootsTest {
    static final Path TESTS = Path.of("src/test/java");
    static final Pattern PROFILE = Pattern.compile("@TestProfile\\(\\s*(\\w+)\\.class\\s*\\)");
    static final Pattern RESTRICTED = Pattern.compile("restrictToAnnotatedClass\\s*=\\s*true");

    /** The boots besides the default one, each with why it can't be merged into another. */
    static final Set<String> PROFILES = Set.of(
            // the demo data set on an empty database of its own, with consent required, as bin/demo starts
            "DemoModeProfile",
            // a track allowance of 40 KB: the quota is read once at start, and the default one takes megabytes to reach
            "SmallQuotaProfile",
            // the outside servers a campus runs (s3proxy with direct uploads, coturn): shared by their tests
            "OutsideServersProfile");

    @Test
    void theSuiteBootsOnlyTheListedProfiles() throws IOException {
        TreeMap<String, TreeSet<String>> used = new TreeMap<>();
        TreeSet<String> restricted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().endsWith("Bench.java")
                    && !p.getFileName().toString().equals("TestBootsTest.java")).toList()) {
                String src = Files.readString(f);
                Matcher m = PROFILE.matcher(src);
                while (m.find()) used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
                if (RESTRICTED.matcher(src).find()) restricted.add(f.getFileName().toString());
            }
        }
        assertTrue(restricted.isEmpty(), "a test resource restricted to one class is a boot of its own; put it in a shared profile: " + restricted);
        assertEquals(new TreeSet<>(PROFILES), new TreeSet<>(used.keySet()), "test profiles in use (each is a boot): " + used);
    }

    @Test
    void theScanSeesAProfile() {
        // the patterns above must match what the tests write, or the check passes on nothing
        assertTrue(PROFILE.matcher("@TestProfile(OutsideServersProfile.class)").find());
        assertTrue(RESTRICTED.matcher("@QuarkusTestResource(value = Coturn.class, restrictToAnnotatedClass = true)").find());
    }
}
