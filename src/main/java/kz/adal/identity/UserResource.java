package kz.adal.identity;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.adal.platform.Problem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/users")
@RolesAllowed(Role.Names.SYSTEM_ADMIN)
public class UserResource {
    private final UserService users;
    private final CurrentUser me;

    UserResource(UserService users, CurrentUser me) {
        this.users = users;
        this.me = me;
    }

    /** Staff lists (people to pick as experts, proctors, commission members) are visible to staff; students see nobody. */
    @GET
    @RolesAllowed({Role.Names.SYSTEM_ADMIN, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.TEACHER, Role.Names.DEAN,
            Role.Names.REGISTRAR, Role.Names.BANK_AUTHOR, Role.Names.TECHNICAL_SECRETARY, Role.Names.PROCTOR})
    public List<?> list(@QueryParam("role") Role role, @QueryParam("group") String group, @QueryParam("q") String q) {
        StringBuilder where = new StringBuilder("1=1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (role != null) { where.append(" and :role member of roles"); params.put("role", role); }
        if (group != null && !group.isBlank()) { where.append(" and groupCode = :group"); params.put("group", group); }
        if (q != null && !q.isBlank()) { where.append(" and (lower(login) like :q or lower(fullName) like :q)"); params.put("q", "%" + q.toLowerCase() + "%"); }
        List<AppUser> found = AppUser.find(where + " order by fullName", params).page(0, 500).list();
        if (me.has(Role.SYSTEM_ADMIN)) return found.stream().map(UserView::of).toList();
        // a picker shows the least: no e-mail, programme or flags to every member of staff; the head of
        // department also sees a student's group, language and curriculum, which the oral sitting's admission needs
        boolean oralSetup = me.has(Role.HEAD_OF_DEPARTMENT);
        return found.stream().map(u -> UserPick.of(u, oralSetup)).toList();
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(users.find(id));
    }

    public record CreateUserRequest(String login, String fullName, String email, Set<Role> roles, String groupCode,
                                    String programme, String instructionLanguage, String password,
                                    Boolean curriculumCompleted, Boolean masterApplicant) {}

    @POST
    public UserService.Created create(CreateUserRequest r) {
        if (r == null) throw Problem.badRequest("EMPTY_REQUEST", "Send the new account's fields");
        return users.create(new UserService.NewUser(r.login(), r.fullName(), r.email(), r.roles(), r.groupCode(),
                r.programme(), r.instructionLanguage(), r.password(), r.curriculumCompleted(), r.masterApplicant()));
    }

    /** CSV of students and staff; all-or-nothing, problems reported with line numbers. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public UserService.ImportResult importCsv(byte[] csv) {
        return users.importCsv(csv);
    }

    public record StateRequest(AccountState state, String reason) {}

    @PUT
    @Path("/{id}/state")
    public UserView setState(@PathParam("id") UUID id, StateRequest r) {
        if (r == null || r.state() == null) throw Problem.badRequest("STATE_REQUIRED", "Say ACTIVE or SUSPENDED");
        if (id.equals(me.id())) throw Problem.badRequest("SELF_SUSPEND", "You can't change your own account's state");
        return users.setState(id, r.state(), r.reason());
    }

    @PUT
    @Path("/{id}/roles")
    public UserView setRoles(@PathParam("id") UUID id, Set<Role> roles) {
        return users.setRoles(id, roles);
    }

    @POST
    @Path("/{id}/password-reset")
    public Map<String, String> resetPassword(@PathParam("id") UUID id) {
        return Map.of("initialPassword", users.resetPassword(id));
    }

    public record PasswordChange(String current, String next) {}

    @POST
    @Path("/me/password")
    @Authenticated
    public void changeOwnPassword(PasswordChange r) {
        if (r == null) throw Problem.badRequest("EMPTY_REQUEST", "Send current and next");
        users.changeOwnPassword(me.id(), r.current(), r.next());
    }

    public record LanguageRequest(String language) {}

    @PUT
    @Path("/me/language")
    @Authenticated
    public void setLanguage(LanguageRequest r) {
        users.setUiLanguage(me.id(), r == null ? null : r.language());
    }
}
