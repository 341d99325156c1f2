package kz.adal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JAX-RS picks the resource class by its own path first and never falls back to another class:
 * a method at "/api" + "/exams/{id}/attempt" is unreachable when another class sits at "/api/exams".
 * This caught two such 404s after features were merged; it keeps the next one out.
 */
class ResourcePathsTest {
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("(?m)^    @Path\\(\"([^\"]+)\"\\)");

    @Test
    void noMethodIsShadowedByAnotherResourceClass() throws IOException {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher c = CLASS_PATH.matcher(src);
                if (!c.find()) continue;
                List<String> methods = new ArrayList<>();
                Matcher m = METHOD_PATH.matcher(src);
                while (m.find()) methods.add(m.group(1));
                classes.computeIfAbsent(c.group(1) + " " + f.getFileName(), k -> new ArrayList<>()).addAll(methods);
            }
        }
        List<String> shadowed = new ArrayList<>();
        for (var a : classes.entrySet()) {
            String base = a.getKey().split(" ")[0];
            for (String method : a.getValue()) {
                String full = (base + "/" + method).replaceAll("/+", "/");
                for (String other : classes.keySet()) {
                    String otherBase = other.split(" ")[0];
                    if (otherBase.length() > base.length() && otherBase.startsWith(base)
                            && (full.equals(otherBase) || full.startsWith(otherBase + "/"))) {
                        shadowed.add(full + " in " + a.getKey() + " is shadowed by " + other);
                    }
                }
            }
        }
        assertTrue(shadowed.isEmpty(), String.join("\n", shadowed));
        assertTrue(classes.size() > 10, "found the resource classes");
    }
}
