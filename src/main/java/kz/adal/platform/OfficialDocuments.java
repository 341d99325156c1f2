package kz.adal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an official document (grade sheet, act, protocol, passport…) says and in which language, and the
 * institution's template for it: its name, logo, each document's title, headings and signatories. See
 * docs/documents.md.
 *
 * <p>The texts are {@code src/main/resources/texts/documents[_kk|_ru].properties}; a university overrides
 * any key without touching code by putting its own {@code documents_kk.properties} (and _ru, and the
 * English base) and a {@code logo.png} in the directory {@code adal.documents.directory}.
 *
 * <p>Language: a copy asked for explicitly (kk, ru, en, or kk-ru for both), else the exam's language of
 * instruction, else the institution's {@code adal.documents.language}. Where the institution sets
 * {@code adal.documents.bilingual=true}, a kk or ru document prints both kk and ru.
 */
@ApplicationScoped
public class OfficialDocuments {
    public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    /** The value that asks for a Kazakh–Russian document. */
    public static final String BILINGUAL = "kk-ru";

    private final String defaultLanguage;
    private final boolean bilingual;
    private final Optional<Path> directory;
    private final Map<String, Properties> texts = new ConcurrentHashMap<>();

    OfficialDocuments(@ConfigProperty(name = "adal.documents.language", defaultValue = "kk") String defaultLanguage,
                      @ConfigProperty(name = "adal.documents.bilingual", defaultValue = "false") boolean bilingual,
                      @ConfigProperty(name = "adal.documents.directory") Optional<String> directory) {
        this.defaultLanguage = LANGUAGES.contains(defaultLanguage) ? defaultLanguage : "kk";
        this.bilingual = bilingual;
        this.directory = directory.filter(d -> !d.isBlank()).map(Path::of);
    }

    private static final OfficialDocuments PLAIN = new OfficialDocuments("kk", false, Optional.empty());

    /** The shipped texts in one language, without an institution's overrides (for tests and defaults). */
    public static Wording in(String lang) {
        return PLAIN.wording(null, lang);
    }

    /** The wording of a document about something taught in {@code instructionLanguage}, or in the {@code requested} one. */
    public Wording wording(String instructionLanguage, String requested) {
        return new Wording(languages(instructionLanguage, requested));
    }

    /** A document about no one exam (monitoring report): the institution's language unless asked otherwise. */
    public Wording wording(String requested) {
        return wording(null, requested);
    }

    List<String> languages(String instructionLanguage, String requested) {
        if (BILINGUAL.equals(requested)) return List.of("kk", "ru");
        if (requested != null && LANGUAGES.contains(requested)) return List.of(requested);
        String lang = instructionLanguage != null && LANGUAGES.contains(instructionLanguage) ? instructionLanguage : defaultLanguage;
        if (bilingual && !"en".equals(lang)) return List.of("kk", "ru");
        return List.of(lang);
    }

    /** Whether {@code lang} is a language a document may be asked for in (null: the document's own). */
    public static boolean valid(String lang) {
        return lang == null || lang.isBlank() || LANGUAGES.contains(lang) || BILINGUAL.equals(lang);
    }

    private Properties texts(String lang) {
        return texts.computeIfAbsent(lang, l -> {
            Properties p = new Properties();
            load(p, "/texts/documents.properties");
            if (!"en".equals(l)) load(p, "/texts/documents_" + l + ".properties");
            directory.ifPresent(d -> {
                read(p, d.resolve("documents.properties"));
                if (!"en".equals(l)) read(p, d.resolve("documents_" + l + ".properties"));
            });
            return p;
        });
    }

    private Properties labels(String lang) {
        return texts.computeIfAbsent("labels." + lang, l -> {
            Properties p = new Properties();
            load(p, "/texts/labels.properties");
            if (!"en".equals(lang)) load(p, "/texts/labels_" + lang + ".properties");
            return p;
        });
    }

    private byte[] logo() {
        if (directory.isPresent()) {
            Path logo = directory.get().resolve("logo.png");
            if (Files.isReadable(logo)) {
                try {
                    return Files.readAllBytes(logo);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = OfficialDocuments.class.getResourceAsStream("/documents/logo.png")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Properties p, String resource) {
        try (InputStream in = OfficialDocuments.class.getResourceAsStream(resource)) {
            if (in == null) return;
            try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Properties p, Path file) {
        if (!Files.isReadable(file)) return;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One document's words in its language(s). In a bilingual document every text is the Kazakh one, then
     * the Russian one; values that are the same in both (names, numbers) print once.
     */
    public final class Wording {
        private final List<String> langs;

        Wording(List<String> langs) {
            this.langs = langs;
        }

        /** The document's first language: kk, ru or en. */
        public String language() {
            return langs.get(0);
        }

        public boolean bilingual() {
            return langs.size() > 1;
        }

        /**
         * A text of the documents bundle, always read as a {@link MessageFormat} pattern (so an apostrophe is
         * written twice in every text); a missing key prints as itself, which the document tests catch.
         */
        public String t(String key, Object... args) {
            List<String> out = new ArrayList<>();
            for (String l : langs) {
                String pattern = texts(l).getProperty(key);
                String s = pattern == null ? key : new MessageFormat(pattern, Locale.forLanguageTag(l)).format(args);
                if (!out.contains(s)) out.add(s);
            }
            return join(out);
        }

        /** The name people read for an enum value ({@code Texts.label}). */
        public String label(Enum<?> value) {
            if (value == null) return "—";
            return label(value.getDeclaringClass().getSimpleName() + "." + value.name());
        }

        /** The label of {@code Type.CONSTANT} stored as a string (states kept as text). */
        public String label(String key) {
            List<String> out = new ArrayList<>();
            for (String l : langs) {
                String s = labels(l).getProperty(key, texts(l).getProperty("label." + key, key));
                if (!out.contains(s)) out.add(s);
            }
            return join(out);
        }

        /** The label of an enum's constant held as its name, or "—". */
        public <E extends Enum<E>> String label(Class<E> type, String name) {
            if (name == null || name.isBlank()) return "—";
            return label(type.getSimpleName() + "." + name);
        }

        /** A decimal as the document's language writes it: a comma in kk and ru; "—" for none. */
        public String decimal(java.math.BigDecimal v) {
            if (v == null) return "—";
            java.math.BigDecimal t = v.stripTrailingZeros();
            String s = t.scale() < 0 ? t.setScale(0).toPlainString() : t.toPlainString();
            return "en".equals(language()) ? s : s.replace('.', ',');
        }

        public String yesNo(Boolean b) {
            return b == null ? "—" : t(b ? "common.yes" : "common.no");
        }

        /** A length of time in words: "7 мин", "1 сағ 5 мин" (bilingual: both, when they differ). */
        public String duration(long seconds) {
            List<String> out = new ArrayList<>();
            for (String l : langs) {
                String s = DocumentDates.duration(seconds, l);
                if (!out.contains(s)) out.add(s);
            }
            return join(out);
        }

        /** A moment in a table cell: "01.12.2026 14:05". */
        public String at(Instant i) {
            return DocumentDates.compact(i);
        }

        /** A day in words, in the document's first language (bilingual: both). */
        public String date(LocalDate d) {
            List<String> out = new ArrayList<>();
            for (String l : langs) out.add(DocumentDates.date(d, l));
            return join(out);
        }

        /** A moment with its day in words. */
        public String dateTime(Instant i) {
            if (i == null) return "—";
            List<String> out = new ArrayList<>();
            for (String l : langs) out.add(DocumentDates.dateTime(i, l));
            return join(out);
        }

        /** The signatories the institution lists for a document ({@code <document>.signatories}, separated by |). */
        public List<String> signatories(String document) {
            String[] perLang = langs.stream().map(l -> texts(l).getProperty(document + ".signatories", "")).toArray(String[]::new);
            List<String[]> split = Arrays.stream(perLang).map(s -> s.isBlank() ? new String[0] : s.split("\\|")).toList();
            int n = split.stream().mapToInt(a -> a.length).max().orElse(0);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> one = new ArrayList<>();
                for (String[] a : split) if (i < a.length && !one.contains(a[i].strip())) one.add(a[i].strip());
                out.add(join(one));
            }
            return out;
        }

        /**
         * A new document on the institution's letterhead: logo, institution name, the document's title
         * ({@code <document>.title}) with an optional subject line, and the day it was printed.
         */
        public PdfDocument start(String document, String subject, LocalDate printedOn) {
            return PdfDocument.official(logo(), t("institution.name"), t(document + ".title"), subject,
                    t("common.printed", date(printedOn)));
        }

        private String join(List<String> parts) {
            if (parts.size() == 1) return parts.get(0);
            int longest = parts.stream().mapToInt(String::length).max().orElse(0);
            return String.join(longest > 60 ? "\n" : " / ", parts);
        }
    }

    /** For tests and the documents page: every key the English base file defines. */
    public static Map<String, String> baseTexts() {
        Properties p = new Properties();
        load(p, "/texts/documents.properties");
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }
}
