package kz.adal.platform;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request field with a constraint has a name a person reads in kk, ru and en ({@code field.NAME} in the
 * catalogue): a refusal names the field by it (ProblemMapper.FieldProblem), never by its Java property. A constraint
 * whose message is <code>{problem.CODE}</code> has that sentence in the catalogue too.
 */
class FieldNamesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void everyConstrainedRequestFieldIsNamedInEveryLanguage() throws Exception {
        Set<String> fields = new TreeSet<>();
        Set<String> ownSentences = new TreeSet<>();
        for (Class<?> type : constrainedRecords()) collect(type, "", fields, ownSentences);
        assertTrue(fields.containsAll(List.of("login", "title", "options", "options.text", "academicPeriod", "topics", "extraMinutes")),
                "the scan found " + fields + ": it no longer sees the request records");
        for (String lang : List.of("kk", "ru", "en")) {
            Properties texts = MessageCatalogueTest.load("texts", lang);
            List<String> unnamed = fields.stream().filter(f -> !texts.containsKey("field." + f)).toList();
            assertTrue(unnamed.isEmpty(), "texts " + lang + " has no field." + unnamed + ": a refusal would name the Java property");
            List<String> missing = ownSentences.stream().filter(c -> !texts.containsKey("problem." + c)).toList();
            assertTrue(missing.isEmpty(), "texts " + lang + " lacks the constraint sentences " + missing);
        }
    }

    /** The records of src/main that carry constraints: those in files that import or name jakarta.validation.constraints. */
    private static List<Class<?>> constrainedRecords() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!Files.readString(f).contains("jakarta.validation.constraints")) continue;
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> top = Class.forName(name, false, FieldNamesTest.class.getClassLoader());
                if (top.isRecord()) out.add(top);
                for (Class<?> nested : top.getDeclaredClasses()) if (nested.isRecord()) out.add(nested);
            }
        }
        return out;
    }

    private static void collect(Class<?> type, String prefix, Set<String> fields, Set<String> ownSentences) {
        for (PropertyDescriptor p : VALIDATOR.getConstraintsForClass(type).getConstrainedProperties()) {
            String name = prefix + p.getPropertyName();
            if (p.hasConstraints()) fields.add(name);
            p.getConstraintDescriptors().forEach(c -> own(c.getMessageTemplate(), ownSentences));
            if (p.isCascaded()) collect(p.getElementClass(), name + ".", fields, ownSentences);
            for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
                if (!c.getConstraintDescriptors().isEmpty()) fields.add(name);
                c.getConstraintDescriptors().forEach(d -> own(d.getMessageTemplate(), ownSentences));
                if (c.isCascaded()) collect(c.getElementClass(), name + ".", fields, ownSentences);
            }
        }
    }

    private static void own(String template, Set<String> ownSentences) {
        if (template.matches("\\{problem\\.[A-Z][A-Z0-9_]*}")) ownSentences.add(template.substring("{problem.".length(), template.length() - 1));
    }
}
