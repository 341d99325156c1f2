package kz.adal;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A query string is an entity use the compiler cannot see: {@code "select a from Attempt a"} in proctoring reads
 * attempt's table behind its port as surely as {@code Attempt.find(...)} would, and
 * {@link ArchitectureTest#featuresDoNotTouchOtherFeaturesEntities} (which looks at class references) misses it. This
 * test reads every string constant of every compiled main class (the constant pool, so a query built from
 * {@code static final} pieces is checked as the compiler folded it, and annotation values such as
 * {@code @NamedQuery} too) and fails when one names another feature's @Entity in JPQL: after {@code from},
 * {@code join}, {@code update}, or in the comma list of a {@code from} clause ({@code from A a, Exam e}). The query
 * then belongs in the owner's port (docs/architecture.md, "Feature boundaries").
 */
class QueryBoundariesTest {

    /**
     * Queries across features that another branch removes, as "feature.Class → owner.Entity". Like
     * {@link ArchitectureTest#ENTITY_USES_STILL_ALLOWED} it may only shrink: a listed use that is gone fails the test.
     */
    static final Set<String> STILL_ALLOWED = Set.of();

    @Test
    void noQueryNamesAnotherFeaturesEntity() throws IOException {
        Map<String, String> ownerByEntityName = entityNames();
        Set<String> found = new TreeSet<>();
        Map<String, String> where = new TreeMap<>();
        for (JavaClass c : ArchitectureTest.MAIN) {
            String feature = ArchitectureTest.featureOf(c.getPackageName());
            if (feature == null) continue;
            for (String s : stringConstants(c)) {
                for (String entity : entitiesNamedIn(s)) {
                    String owner = ownerByEntityName.get(entity);
                    if (owner == null || owner.equals(feature)) continue;
                    String use = feature + "." + topLevelName(c) + " → " + owner + "." + entity;
                    found.add(use);
                    where.putIfAbsent(use, s.replace('\u0001', '?'));
                }
            }
        }
        Set<String> added = new TreeSet<>(found);
        added.removeAll(STILL_ALLOWED);
        Set<String> gone = new TreeSet<>(STILL_ALLOWED);
        gone.removeAll(found);
        StringBuilder why = new StringBuilder();
        if (!added.isEmpty()) {
            why.append("these queries name another feature's @Entity; ask the owner's port (records) instead:\n");
            added.forEach(u -> why.append("  ").append(u).append("\n      in: ").append(where.get(u)).append('\n'));
        }
        if (!gone.isEmpty()) {
            why.append("no longer queried: strike from QueryBoundariesTest.STILL_ALLOWED:\n  ").append(String.join("\n  ", gone)).append('\n');
        }
        if (!why.isEmpty()) throw new AssertionError(why.toString());
    }

    /** The guard itself: it sees the three shapes of a cross-feature query and lets a feature's own query pass. */
    @Test
    void recognisesEntityNamesInQueries() {
        if (!entitiesNamedIn("select a.id, e.title from Attempt a, Exam e, AppUser u where e.id = a.examId").equals(
                Set.of("Attempt", "Exam", "AppUser"))) {
            throw new AssertionError("the comma list of a from clause");
        }
        if (!entitiesNamedIn("select count(f) from Flag f join fetch Attempt a on a.id = f.attemptId left join f.x y").equals(
                Set.of("Flag", "Attempt"))) {
            throw new AssertionError("join with an entity (a path join is not one)");
        }
        if (!entitiesNamedIn("update Attempt a set a.state = ?1 where a.id in (select t.x from OralTurn t)").equals(
                Set.of("Attempt", "OralTurn"))) {
            throw new AssertionError("update and a subquery");
        }
        if (!entitiesNamedIn("examId = ?1 and state in ?2 order by startedAt").isEmpty()) {
            throw new AssertionError("a Panache short query names no entity");
        }
        if (!entitiesNamedIn("Moved from draft to published").isEmpty()) {
            throw new AssertionError("a sentence is not a query");
        }
    }

    private static final Pattern FROM_CLAUSE = Pattern.compile(
            "\\bfrom\\s+(.+?)(?=\\bwhere\\b|\\bjoin\\b|\\binner\\b|\\bleft\\b|\\bright\\b|\\border\\b|\\bgroup\\b|\\bhaving\\b|\\)|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern JOIN_OR_UPDATE = Pattern.compile("\\b(?:join(?:\\s+fetch)?|update)\\s+([A-Z]\\w*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("^\\s*([A-Z]\\w*)\\b");

    /** Entity names a JPQL string mentions (candidates: names that start with a capital, as entity names here do). */
    static Set<String> entitiesNamedIn(String s) {
        Set<String> out = new TreeSet<>();
        Matcher from = FROM_CLAUSE.matcher(s);
        while (from.find()) {
            for (String item : from.group(1).split(",")) {
                Matcher e = ENTITY.matcher(item);
                if (e.find()) out.add(e.group(1));
            }
        }
        Matcher join = JOIN_OR_UPDATE.matcher(s);
        while (join.find()) {
            if (Character.isUpperCase(join.group(1).charAt(0))) out.add(join.group(1));
        }
        return out;
    }

    /** JPQL entity name (the annotation's {@code name}, else the simple name) → owning feature. */
    static Map<String, String> entityNames() {
        Map<String, String> out = new TreeMap<>();
        for (JavaClass c : ArchitectureTest.MAIN) {
            c.tryGetAnnotationOfType("jakarta.persistence.Entity").ifPresent(a -> {
                Object name = a.get("name").orElse("");
                String jpql = name.toString().isEmpty() ? c.getSimpleName() : name.toString();
                String previous = out.put(jpql, ArchitectureTest.featureOf(c.getPackageName()));
                if (previous != null && !previous.equals(out.get(jpql))) {
                    throw new AssertionError("two features have an entity named " + jpql);
                }
            });
        }
        return out;
    }

    private static String topLevelName(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().length() + 1);
        return simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
    }

    /**
     * Every UTF-8 entry of the class file's constant pool: string literals, folded constants, concatenation recipes,
     * annotation values (and names and descriptors, which contain no query).
     */
    static List<String> stringConstants(JavaClass c) throws IOException {
        String resource = c.getName().replace('.', '/') + ".class";
        List<String> out = new ArrayList<>();
        try (InputStream raw = QueryBoundariesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) throw new AssertionError("class file not found: " + resource);
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new AssertionError("unknown constant pool tag " + tag + " in " + resource);
                }
            }
        }
        return out;
    }
}
