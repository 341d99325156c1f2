package kz.adal;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        Map<String, String> ownerByTable = tableOwners();
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
                for (String table : tablesNamedIn(s)) {
                    String owner = ownerByTable.get(table);
                    if (owner == null || owner.equals(feature)) continue;
                    String use = feature + "." + topLevelName(c) + " → " + owner + " table " + table;
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
            why.append("these queries name another feature's @Entity or table; ask the owner's port (records) instead:\n");
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

    /** The guard on SQL: a table after from/join/update/into, in a comma list, only in a string that is a statement. */
    @Test
    void recognisesTableNamesInSql() {
        if (!tablesNamedIn("select count(*) from proctoring_event pe join attempt a on a.id = pe.attempt_id where a.exam_id = ?1")
                .equals(Set.of("proctoring_event", "attempt"))) {
            throw new AssertionError("from and join");
        }
        if (!tablesNamedIn("select count(*) from user_session s, exam_admission x where x.student_id = s.user_id")
                .equals(Set.of("user_session", "exam_admission"))) {
            throw new AssertionError("the comma list of a from clause");
        }
        if (!tablesNamedIn("insert into proctoring_event (id, seq) values (?, ?) on conflict do nothing").equals(Set.of("proctoring_event"))) {
            throw new AssertionError("insert into");
        }
        if (!tablesNamedIn("delete from media_chunk where track_id = ?").equals(Set.of("media_chunk"))) {
            throw new AssertionError("delete from");
        }
        if (!tablesNamedIn("The questions are drawn from question banks at random").isEmpty()) {
            throw new AssertionError("a sentence is not a statement");
        }
        if (!tablesNamedIn("select u from AppUser u join u.roles r where r = ?1").isEmpty()) {
            throw new AssertionError("JPQL: an entity name and a path join are no table");
        }
    }

    /**
     * Every table the migrations create has an owning feature (an entity's {@code @Table}, a collection or join table
     * on an entity's field, or {@link #TABLES_WITHOUT_ENTITY}): else a new table would escape the guard unseen.
     */
    @Test
    void everyTableHasAnOwner() throws IOException {
        Map<String, String> owners = tableOwners();
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        Set<String> dropped = new TreeSet<>();
        Pattern drop = Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(f);
                Matcher m = create.matcher(sql);
                while (m.find()) created.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                Matcher d = drop.matcher(sql);
                while (d.find()) dropped.add(d.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (created.isEmpty()) throw new AssertionError("no migration read from src/main/resources/db/migration");
        created.removeAll(dropped);
        created.removeAll(owners.keySet());
        if (!created.isEmpty()) {
            throw new AssertionError("tables no feature owns (map them with @Table, or list them in TABLES_WITHOUT_ENTITY): " + created);
        }
    }

    /** Tables written with JDBC, not mapped by any entity, and the feature whose code alone reads and writes them. */
    static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of(
            // proctoring.EventStore writes events and snapshots in batches on its own thread, without Hibernate
            "proctoring_event", "proctoring",
            "proctoring_snapshot", "proctoring");

    /** Table → owning feature: entities' {@code @Table}, their fields' {@code @CollectionTable}/{@code @JoinTable}. */
    static Map<String, String> tableOwners() {
        Map<String, String> out = new TreeMap<>(TABLES_WITHOUT_ENTITY);
        for (JavaClass c : ArchitectureTest.MAIN) {
            if (!c.isAnnotatedWith("jakarta.persistence.Entity")) continue;
            String feature = ArchitectureTest.featureOf(c.getPackageName());
            c.tryGetAnnotationOfType("jakarta.persistence.Table").ifPresent(a -> own(out, a.get("name").orElse("").toString(), feature));
            c.getFields().forEach(f -> {
                for (String type : List.of("jakarta.persistence.CollectionTable", "jakarta.persistence.JoinTable")) {
                    f.tryGetAnnotationOfType(type).ifPresent(a -> own(out, a.get("name").orElse("").toString(), feature));
                }
            });
        }
        return out;
    }

    private static void own(Map<String, String> owners, String table, String feature) {
        if (table.isEmpty()) return;
        String previous = owners.put(table.toLowerCase(java.util.Locale.ROOT), feature);
        if (previous != null && !previous.equals(feature)) throw new AssertionError("two features own the table " + table);
    }

    private static final Pattern SQL_STATEMENT = Pattern.compile(
            "(?i)^\\s*(?:select\\b.*\\bfrom\\b|insert\\s+into\\b|update\\s+\\w+\\s+set\\b|delete\\s+from\\b|with\\b)", Pattern.DOTALL);
    private static final Pattern TABLE_AFTER = Pattern.compile("\\b(?i:from|join|update|into)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\.)");
    private static final Pattern TABLE_IN_LIST = Pattern.compile("^\\s*([a-z_][a-z0-9_]*)\\b");

    /** Lower-case names (tables are lower-case here; entities start with a capital) a SQL statement reads or writes. */
    static Set<String> tablesNamedIn(String s) {
        Set<String> out = new TreeSet<>();
        if (!SQL_STATEMENT.matcher(s).find()) return out;
        Matcher after = TABLE_AFTER.matcher(s);
        while (after.find()) out.add(after.group(1));
        Matcher from = FROM_CLAUSE.matcher(s);
        while (from.find()) {
            String[] items = from.group(1).split(",");
            for (int i = 1; i < items.length; i++) {
                Matcher t = TABLE_IN_LIST.matcher(items[i]);
                if (t.find()) out.add(t.group(1));
            }
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
