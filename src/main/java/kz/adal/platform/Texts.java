package kz.adal.platform;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Refusals the server words for a person, in their language: the catalogue
 * {@code src/main/resources/texts/texts[_kk|_ru].properties} (English is the base file). Codes stay
 * stable; only the sentence changes with the language.
 */
public final class Texts {
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(TimeSource.ZONE);

    private Texts() {
    }

    public static boolean supported(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    /**
     * The catalogue's sentence for a refusal code ({@code problem.CODE}) in the language, with its
     * arguments filled in; null when the catalogue has no sentence for it.
     */
    public static String problem(String lang, String code, Object... args) {
        if (code == null) return null;
        String l = supported(lang) ? lang : "kk";
        try {
            String pattern = bundle("texts.texts", l).getString("problem." + code);
            return new MessageFormat(pattern, Locale.forLanguageTag(l)).format(args == null ? new Object[0] : args);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * A request's field as a person reads it, for a refusal that names it ({@code field.NAME} in the catalogue, NAME
     * the property path such as {@code options.text}); the path itself when the catalogue has no name for it
     * (FieldNamesTest keeps every constrained field named).
     */
    public static String field(String lang, String path) {
        if (path == null || path.isEmpty()) return "?";
        try {
            return bundle("texts.texts", supported(lang) ? lang : "kk").getString("field." + path);
        } catch (MissingResourceException e) {
            return path;
        }
    }

    private static ResourceBundle bundle(String base, String lang) {
        return ResourceBundle.getBundle(base, Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String of(String lang, String key, Object... args) {
        String l = lang != null && LANGUAGES.contains(lang) ? lang : "kk";
        try {
            ResourceBundle b = ResourceBundle.getBundle("texts.texts", Locale.forLanguageTag(l),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(b.getString(key), Locale.forLanguageTag(l)).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * The name a person reads for a state, role, kind or decision: {@code SimpleName.CONSTANT} in
     * {@code texts/labels[_kk|_ru].properties}. A missing label shows its key, which the language
     * tests catch as a raw code.
     */
    public static String label(String lang, Enum<?> value) {
        if (value == null) return "";
        String l = lang != null && LANGUAGES.contains(lang) ? lang : "kk";
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return ResourceBundle.getBundle("texts.labels", Locale.forLanguageTag(l),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The label of a value that is not a Java enum (a decision stored as text): its key, {@code Kind.CONSTANT}. */
    public static String label(String lang, String key) {
        if (key == null) return "";
        try {
            return bundle("texts.labels", supported(lang) ? lang : "kk").getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A day as people there read it (dd.MM.yyyy), never the ISO form. */
    public static String date(java.time.LocalDate day, String lang) {
        return day == null ? "" : DAY.format(day);
    }

    /** A moment as people there read it: 24-hour, the institution's time zone. */
    public static String dateTime(Instant at, String lang) {
        return DATE_TIME.format(at);
    }
}
