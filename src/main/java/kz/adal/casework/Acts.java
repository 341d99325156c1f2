package kz.adal.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the act's commands ({@link ActService}), reads ({@link ActQueries}) and hooks ({@link ActHooks}) share: the
 * act by id, its graded subject and commission, its title, who drafts it, and its evidence as stored JSON.
 */
@ApplicationScoped
class Acts {

    static final String CASE_TYPE = "act";

    private final GradedSubjects subjects;
    private final ObjectMapper json;
    private final ActDocument document;

    Acts(GradedSubjects subjects, ObjectMapper json, ActDocument document) {
        this.subjects = subjects;
        this.json = json;
        this.document = document;
    }

    Act find(UUID id) {
        Act act = Act.findById(id);
        if (act == null) throw Problem.notFound("Act");
        return act;
    }

    GradedSubject subject(Act act) {
        return subjects.of(act.kind);
    }

    ActCommission commission(Act act) {
        return subject(act).commission(act.scopeId);
    }

    /** The exam's title, or the sitting's with its date. */
    String subjectTitle(Act act) {
        return subject(act).scope(act.scopeId)
                .map(s -> s.date() == null ? s.title() : s.title() + " (" + kz.adal.platform.Texts.date(s.date(), null) + ")").orElse("?");
    }

    /** Who drafts, completes and signs: the technical secretary, or for a test also a proctor of the exam. */
    boolean mayDraft(Act act, CurrentUser me) {
        return subject(act).mayDraft(act.scopeId, act.subjectId(), me);
    }

    /** The drafted "what happened": the evidence in the act's language, for the secretary to complete. */
    String drafted(Act act, ActDraft.Result r) {
        return String.join("\n", ActEvidenceText.lines(r, document.wording(act)));
    }

    String toJson(ActDraft.Result r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ActDraft.Result parse(String evidence) {
        try {
            return json.readValue(evidence, ActDraft.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable act evidence", e);
        }
    }

    static String name(UUID id) {
        if (id == null) return null;
        Person u = People.find(id).orElse(null);
        return u == null ? "?" : u.fullName();
    }

    static Map<UUID, String> names(Set<UUID> ids) {
        return People.names(ids);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String limit(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
