package kz.adal.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.AdmissionService;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.FederatedAccounts;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Names and Role Provisioning Services: the course roster of a linked activity feeds the exam's admission. Learners who
 * are Active in the course are admitted (their accounts found, linked or created in the exam's group), Inactive ones
 * are not; instructors are left alone. Each decision is the admission service's own, with the course named as reason.
 */
@ApplicationScoped
public class RosterService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceTokens tokens;
    private final PlatformHttp http;
    private final LaunchService launches;
    private final FederatedAccounts accounts;
    private final AdmissionService admission;
    private final ExamCatalog exams;
    private final CurrentUser me;
    private final AuditTrail audit;

    RosterService(ServiceTokens tokens, PlatformHttp http, LaunchService launches, FederatedAccounts accounts,
                  AdmissionService admission, ExamCatalog exams, CurrentUser me, AuditTrail audit) {
        this.tokens = tokens;
        this.http = http;
        this.launches = launches;
        this.accounts = accounts;
        this.admission = admission;
        this.exams = exams;
        this.me = me;
        this.audit = audit;
    }

    public record LinkView(UUID id, String platform, String contextTitle, String resourceLinkId, UUID examId, String examTitle,
                           boolean grades, boolean roster) {}

    /** The activities linked to exams the caller manages (all of them for an admin or head of department). */
    @Transactional
    public List<LinkView> links() {
        List<LinkView> out = new ArrayList<>();
        for (LtiResourceLink l : LtiResourceLink.<LtiResourceLink>list("order by updatedAt desc")) {
            var exam = exams.find(l.examId).orElse(null);
            if (exam == null || !manages(exam)) continue;
            LtiPlatform p = LtiPlatform.findById(l.platformId);
            out.add(new LinkView(l.id, p.name, l.contextTitle, l.resourceLinkId, l.examId, exam.title(), l.lineitemUrl != null,
                    l.membershipsUrl != null));
        }
        return out;
    }

    public record Result(int learners, int admitted, int notAdmitted, int otherGroup) {}

    @Transactional
    public Result sync(UUID linkId) {
        LtiResourceLink link = linkId == null ? null : LtiResourceLink.findById(linkId);
        var exam = link == null ? null : exams.find(link.examId).orElse(null);
        if (exam == null || !manages(exam)) throw Problem.notFound("Course link");
        if (link.membershipsUrl == null) {
            throw Problem.conflict("LTI_NO_ROSTER_SERVICE", "The course did not offer its roster: turn on Names and Role Provisioning for the tool");
        }
        LtiPlatform p = LtiPlatform.findById(link.platformId);
        String token = tokens.token(ServiceTokens.Platform.of(p), LtiClaims.SCOPE_MEMBERSHIPS);
        // every page of the roster (NRPS pages with Link: rel="next"; Moodle's pages hold a few hundred members)
        List<JsonNode> members = new ArrayList<>();
        String url = link.membershipsUrl;
        for (int pages = 0; url != null && pages < 100; pages++) {
            PlatformHttp.Page page = http.getPage(url, LtiClaims.MEMBERSHIPS_TYPE, token);
            try {
                JSON.readTree(page.body()).path("members").forEach(members::add);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform's roster is not JSON");
            }
            url = page.next();
        }
        String group = exams.groupOf(exam.id()).orElse(null);
        String reason = "LTI course roster" + (link.contextTitle == null ? "" : ": " + link.contextTitle);
        int learners = 0, admitted = 0, notAdmitted = 0, otherGroup = 0;
        for (JsonNode m : members) {
            List<String> roles = new ArrayList<>();
            m.path("roles").forEach(r -> roles.add(r.asText()));
            if (LtiRoles.adalRole(roles).orElse(null) != Role.STUDENT) continue;
            String subject = m.path("user_id").asText(null);
            if (subject == null) continue;
            learners++;
            LtiAccount linked = LtiAccount.findById(new LtiAccount.Key(p.issuer, subject));
            UUID userId = linked != null ? linked.userId : launches.linkAccount(p.issuer, subject, new FederatedAccounts.Person(
                    m.path("email").asText(null), m.path("ext_user_username").asText(null), name(m), Role.STUDENT, group, "lti-roster"));
            if (!Objects.equals(accounts.groupOf(userId).orElse(null), group)) {
                otherGroup++;
                continue;
            }
            boolean active = !"Inactive".equalsIgnoreCase(m.path("status").asText("Active"));
            admission.decide(exam.id(), userId, active, reason);
            if (active) admitted++;
            else notAdmitted++;
        }
        audit.record(Change.of("lti.roster", "exam", exam.id()).scope(exam.id()).detail(Map.of("platform", p.name,
                "learners", learners, "admitted", admitted, "notAdmitted", notAdmitted, "otherGroup", otherGroup)));
        return new Result(learners, admitted, notAdmitted, otherGroup);
    }

    private boolean manages(ExamCatalog.ExamRecord exam) {
        return me.has(Role.SYSTEM_ADMIN) || me.has(Role.HEAD_OF_DEPARTMENT) || me.id().equals(exam.createdBy());
    }

    private static String name(JsonNode m) {
        String n = m.path("name").asText(null);
        if (n != null && !n.isBlank()) return n;
        return (m.path("given_name").asText("") + " " + m.path("family_name").asText("")).strip();
    }
}
