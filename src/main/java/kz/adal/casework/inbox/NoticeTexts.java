package kz.adal.casework.inbox;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.adal.platform.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Words a notice (and its mail) in the recipient's language from a Qute template,
 * {@code templates/notices/<name>.<lang>.txt}: the first line is the subject, the rest the body. Values
 * are shown as people read them: a moment in the institution's zone, 24-hour; a day as dd.MM.yyyy; a
 * state or decision by its label ({@link Texts#label}); never a raw code or an ISO string.
 */
@ApplicationScoped
public class NoticeTexts {
    public record Worded(String subject, String body) {}

    /** A decision or state a template shows by its label: {@code SimpleName.CONSTANT} in texts/labels*.properties. */
    public record Label(String key) {}

    @Inject Engine engine;

    public Worded word(String name, String lang, Map<String, Object> data) {
        String l = Texts.supported(lang) ? lang : "kk";
        Template t = engine.getTemplate("notices/" + name + "." + l + ".txt");
        if (t == null) throw new IllegalStateException("no notice template notices/" + name + "." + l + ".txt");
        TemplateInstance i = t.instance();
        shown(data, l).forEach(i::data);
        i.data("lang", l);
        String text = i.render().strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? new Worded(text, "") : new Worded(text.substring(0, nl).strip(), text.substring(nl + 1).strip());
    }

    static Map<String, Object> shown(Map<String, Object> data, String lang) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (data == null) return out;
        data.forEach((k, v) -> out.put(k, shown(v, lang)));
        return out;
    }

    private static Object shown(Object v, String lang) {
        if (v instanceof Instant at) return Texts.dateTime(at, lang);
        if (v instanceof LocalDate day) return Texts.date(day, lang);
        if (v instanceof Enum<?> e) return Texts.label(lang, e);
        if (v instanceof Label label) return Texts.label(lang, label.key());
        return v;
    }
}
