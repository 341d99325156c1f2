package kz.adal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package graph of docs/architecture.md ("Dependencies point one way"), checked on the compiled classes so
 * that a wrong import fails the build. When a new dependency is legitimate, change the table here and the
 * sentence in the doc together.
 */
class ArchitectureTest {

    /** Anyone may use these; they use no feature themselves (except identity → audit). */
    static final Set<String> SHARED = Set.of("identity", "audit", "platform");

    /**
     * What each package uses directly besides itself (and, for a feature, {@link #SHARED}): the arrows of
     * docs/architecture.md. A package may also use what those use (attempt → exam → bank lets attempt read bank).
     * Lower packages first.
     */
    static final Map<String, Set<String>> ARROWS = new LinkedHashMap<>();

    static {
        ARROWS.put("platform", Set.of());
        ARROWS.put("audit", Set.of("platform"));
        ARROWS.put("identity", Set.of("audit", "platform"));
        ARROWS.put("grading", Set.of());
        ARROWS.put("bank", Set.of());
        ARROWS.put("exam", Set.of("bank", "grading"));
        ARROWS.put("attempt", Set.of("exam", "grading"));
        ARROWS.put("vision", Set.of("attempt"));
        ARROWS.put("media", Set.of("attempt"));
        ARROWS.put("proctoring", Set.of("attempt", "media", "vision"));
        ARROWS.put("review", Set.of("attempt", "proctoring", "media"));
        ARROWS.put("oral", Set.of("grading", "media"));
        ARROWS.put("casework", Set.of("review", "oral", "attempt", "exam", "media", "proctoring"));
        ARROWS.put("lti", Set.of("attempt", "exam"));
    }

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.adal");

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatTheArchitectureAllows() {
        return ARROWS.keySet().stream().map(p -> DynamicTest.dynamicTest(p, () -> {
            String[] forbidden = forbiddenFor(p).stream().map(f -> "kz.adal." + f + "..").toArray(String[]::new);
            if (forbidden.length == 0) return;
            noClasses().that().resideInAPackage("kz.adal." + p + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("docs/architecture.md: " + p + " may use only " + allowedFor(p))
                    .check(MAIN);
        }));
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> found = new TreeSet<>();
        MAIN.forEach(c -> {
            String rest = c.getPackageName().startsWith("kz.adal.") ? c.getPackageName().substring("kz.adal.".length()) : "";
            found.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        });
        found.removeAll(ARROWS.keySet());
        if (!found.isEmpty()) {
            throw new AssertionError("packages missing from ArchitectureTest.ARROWS and docs/architecture.md: " + found);
        }
    }

    @Test
    void featureSlicesHaveNoCycles() {
        slices().matching("kz.adal.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * A feature's sub-packages belong to it (the arrows above apply to {@code kz.adal.casework..} as a whole); inside
     * casework they point one way: the sub-packages own a part and offer ports, the {@code casework} package uses them,
     * never the other way (docs/architecture.md, the casework row).
     */
    @Test
    void caseworkSubPackagesDoNotReachBackIntoCasework() {
        noClasses().that().resideInAnyPackage("kz.adal.casework.*..")
                .should().dependOnClassesThat().resideInAPackage("kz.adal.casework")
                .because("docs/architecture.md: casework's sub-packages offer ports; the casework package uses them")
                .check(MAIN);
        slices().matching("kz.adal.casework.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Inside proctoring, the node's live side ({@code proctoring.live}: the hub, the bus between nodes, the snapshots in
     * memory) offers ports and asks the {@code proctoring} package through ports of its own ({@code LiveHost},
     * {@code EventLog}, {@code Tiles}), which the package implements; it never names the package's classes
     * (docs/architecture.md, the proctoring row).
     */
    @Test
    void proctoringSubPackagesDoNotReachBackIntoProctoring() {
        noClasses().that().resideInAnyPackage("kz.adal.proctoring.*..")
                .should().dependOnClassesThat().resideInAPackage("kz.adal.proctoring")
                .because("docs/architecture.md: proctoring's sub-packages offer ports; the proctoring package uses them")
                .check(MAIN);
        slices().matching("kz.adal.proctoring.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Inside media the sub-packages point one way too: they use the {@code media} package (its ledger ports
     * {@code FinaliseClaims}, {@code PlaybackLedger}, {@code AttemptRecordings}, the storage, the config), the
     * {@code media} package uses none of them, and they do not use each other in a cycle (docs/architecture.md, the
     * media row).
     */
    @Test
    void mediaSubPackagesDoNotReachBackIntoMedia() {
        noClasses().that().resideInAPackage("kz.adal.media")
                .should().dependOnClassesThat().resideInAnyPackage("kz.adal.media.*..")
                .because("docs/architecture.md: media's sub-packages use the media package's ports; it does not use them")
                .check(MAIN);
        slices().matching("kz.adal.media.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Exam's sub-packages ({@code exam.seb}, ...) use the {@code exam} package's ports; the {@code exam} package uses none
     * of them (docs/architecture.md, the exam row).
     */
    @Test
    void examSubPackagesDoNotReachBackIntoExam() {
        noClasses().that().resideInAPackage("kz.adal.exam")
                .should().dependOnClassesThat().resideInAnyPackage("kz.adal.exam.*..")
                .because("docs/architecture.md: exam's sub-packages use the exam package's ports; it does not use them")
                .check(MAIN);
        slices().matching("kz.adal.exam.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Entities belong to their feature: another feature reads through the owner's port (records, as
     * {@code bank.BankCatalog}) and changes through the owner's services, never through the Panache entity
     * and its finders (docs/architecture.md, "Feature boundaries"). What still does is listed in
     * {@link #ENTITY_USES_STILL_ALLOWED} as "using feature → owner.Entity": the list may only shrink. A new use
     * fails this test; a use that is gone must be struck from the list (the test says which), so that it
     * cannot come back unnoticed.
     */
    @Test
    void featuresDoNotTouchOtherFeaturesEntities() {
        Set<String> found = entityUsesAcrossFeatures();
        Set<String> added = new TreeSet<>(found);
        added.removeAll(ENTITY_USES_STILL_ALLOWED);
        Set<String> gone = new TreeSet<>(ENTITY_USES_STILL_ALLOWED);
        gone.removeAll(found);
        StringBuilder why = new StringBuilder();
        if (!added.isEmpty()) {
            why.append("these features use another feature's @Entity; read through its port (records) instead:\n  ")
                    .append(String.join("\n  ", added)).append('\n');
        }
        if (!gone.isEmpty()) {
            why.append("no longer used: strike from ArchitectureTest.ENTITY_USES_STILL_ALLOWED:\n  ")
                    .append(String.join("\n  ", gone)).append('\n');
        }
        if (!why.isEmpty()) throw new AssertionError(why.toString());
    }

    /** "using feature → owner.Entity" for every dependency of a class on an @Entity of another feature. */
    static Set<String> entityUsesAcrossFeatures() {
        Set<String> found = new TreeSet<>();
        MAIN.forEach(c -> c.getDirectDependenciesFromSelf().forEach(d -> {
            com.tngtech.archunit.core.domain.JavaClass target = d.getTargetClass();
            if (!target.isAnnotatedWith("jakarta.persistence.Entity")) return;
            String from = featureOf(c.getPackageName());
            String owner = featureOf(target.getPackageName());
            if (from == null || owner == null || from.equals(owner)) return;
            found.add(from + " → " + owner + "." + target.getSimpleName());
        }));
        return found;
    }

    static String featureOf(String pkg) {
        if (!pkg.startsWith("kz.adal.")) return null;
        String rest = pkg.substring("kz.adal.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    /**
     * What remains of entities used across features when the rule was added; shrink it, never grow it. Empty since
     * issue #19: every feature reads another's data through the owner's port (records).
     */
    static final Set<String> ENTITY_USES_STILL_ALLOWED = Set.of();

    /**
     * An @Entity is package-private, so that no other package can name it at all: not another feature's main code
     * (which {@link #featuresDoNotTouchOtherFeaturesEntities} checks too) and not another feature's tests, which use
     * the owner's port or its test helper ({@code kz.adal.<feature>.*Rows} under src/test). An entity that must be
     * public goes in {@link #PUBLIC_ENTITIES} with the reason.
     */
    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .and(DescribedPredicate.describe("not listed in ArchitectureTest.PUBLIC_ENTITIES",
                        (JavaClass c) -> !PUBLIC_ENTITIES.contains(c.getName())))
                .should().notBePublic()
                .because("docs/architecture.md, \"Feature boundaries\": a feature's entities stay inside it")
                .check(MAIN);
    }

    /** Entities that are public, by fully qualified name, each with its reason. None since issue #19. */
    static final Set<String> PUBLIC_ENTITIES = Set.of();

    /** The arrows from {@code p} followed to the end, plus the shared packages for a feature. */
    static Set<String> allowedFor(String p) {
        Set<String> allowed = new TreeSet<>();
        List<String> todo = new java.util.ArrayList<>(ARROWS.get(p));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (allowed.add(next)) todo.addAll(ARROWS.get(next));
        }
        if (!List.of("platform", "audit", "identity").contains(p)) allowed.addAll(SHARED);
        return allowed;
    }

    static Set<String> forbiddenFor(String p) {
        Set<String> forbidden = new TreeSet<>(ARROWS.keySet());
        forbidden.remove(p);
        forbidden.removeAll(allowedFor(p));
        return forbidden;
    }
}
