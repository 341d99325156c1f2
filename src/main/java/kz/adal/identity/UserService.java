package kz.adal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Accounts issued by the university: created by an admin one by one or from a CSV (001 §5.11.2). */
@ApplicationScoped
public class UserService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private final AuthService auth;
    private final AuditTrail audit;
    private final TimeSource time;

    private final jakarta.enterprise.event.Event<AccessChanged> accessChanged;

    UserService(AuthService auth, AuditTrail audit, TimeSource time, jakarta.enterprise.event.Event<AccessChanged> accessChanged) {
        this.accessChanged = accessChanged;
        this.auth = auth;
        this.audit = audit;
        this.time = time;
    }

    /**
     * A new account's fields. The rules of one field are its constraints (checked by {@link #create}, the CSV
     * import and the demo seeder alike); the rules across fields (a student needs a group and a language) are in
     * {@link #check}.
     */
    public record NewUser(@NotNull @Pattern(regexp = "\\s*[A-Za-z0-9._@-]{3,100}\\s*", message = "must be 3–100 letters, digits or . _ @ -") String login,
                          @NotBlank(message = "is required") String fullName,
                          @Pattern(regexp = "\\s*|\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*", message = "is not an address") String email,
                          Set<Role> roles, String groupCode, String programme,
                          @Pattern(regexp = "\\s*|\\s*(kk|ru|en)\\s*", message = "must be kk, ru or en") String instructionLanguage,
                          String password, Boolean curriculumCompleted, Boolean masterApplicant) {}

    public record Created(UserView user, String initialPassword) {}

    @Transactional
    public Created create(NewUser n) {
        Set<ConstraintViolation<NewUser>> invalid = validator().validate(n);
        if (!invalid.isEmpty()) throw new ConstraintViolationException(invalid);   // 400 naming the fields (ProblemMapper)
        List<String> errors = check(n);
        if (!errors.isEmpty()) throw Problem.badRequest("INVALID_USER", String.join("; ", errors));
        if (AppUser.findByLogin(n.login()).isPresent()) throw Problem.conflict("LOGIN_TAKEN", "Login '" + n.login() + "' is already used");
        return persist(n, false);
    }

    /**
     * A demo account from the seeder (demo mode only): its one published password is not held to
     * the common-password list, which is for passwords a person chooses.
     */
    @Transactional
    public Created createDemo(NewUser n) {
        List<String> errors = check(n);
        if (!errors.isEmpty()) throw Problem.badRequest("INVALID_USER", String.join("; ", errors));
        return persist(n, true);
    }

    private Created persist(NewUser n, boolean demo) {
        String password = n.password() == null || n.password().isBlank() ? generatePassword() : n.password();
        if (demo) PasswordPolicy.checkShape(password);
        else PasswordPolicy.check(password);
        AppUser u = new AppUser();
        u.login = n.login().trim().toLowerCase();
        u.fullName = n.fullName().trim();
        u.email = blankToNull(n.email());
        u.passwordHash = auth.hasher().hash(password);
        u.roles = n.roles() == null || n.roles().isEmpty() ? EnumSet.of(Role.STUDENT) : EnumSet.copyOf(n.roles());
        u.groupCode = blankToNull(n.groupCode());
        u.programme = blankToNull(n.programme());
        u.instructionLanguage = blankToNull(n.instructionLanguage());
        u.uiLanguage = u.instructionLanguage == null ? "kk" : u.instructionLanguage;
        u.curriculumCompleted = Boolean.TRUE.equals(n.curriculumCompleted());
        u.masterApplicant = Boolean.TRUE.equals(n.masterApplicant());
        u.createdAt = time.now();
        u.persist();
        audit.record(Change.of("user.created", "user", u.id).after(UserView.of(u))
                .detail(Map.of("login", u.login, "roles", u.roles.toString())));
        boolean generated = n.password() == null || n.password().isBlank();
        return new Created(UserView.of(u), generated ? password : null);
    }

    /** Field checks shared by single creation and CSV rows; empty when the row is fine. */
    /** Every rule the account breaks, in words: its fields' constraints, then the rules across fields. */
    static List<String> check(NewUser n) {
        List<String> errors = new ArrayList<>();
        validator().validate(n).stream()
                .sorted(java.util.Comparator.comparing((ConstraintViolation<NewUser> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(v.getPropertyPath() + " " + v.getMessage()));
        boolean student = n.roles() == null || n.roles().isEmpty() || n.roles().contains(Role.STUDENT);
        if (student && (n.groupCode() == null || n.groupCode().isBlank())) errors.add("a student needs a group");
        if (student && (n.instructionLanguage() == null || n.instructionLanguage().isBlank())) errors.add("a student needs a language of instruction");
        return errors;
    }

    public record RowProblem(int line, String message) {}
    public record ImportResult(int created, List<Created> accounts) {}

    /**
     * All-or-nothing import: every row is checked first; one bad row means nothing is written
     * and every problem is reported with its line number.
     */
    @Transactional
    public ImportResult importCsv(byte[] csv) {
        UserCsv.Parsed parsed = UserCsv.parse(csv);
        List<RowProblem> problems = new ArrayList<>(parsed.problems());
        Set<String> seen = new java.util.HashSet<>();
        for (UserCsv.Row row : parsed.rows()) {
            String key = row.user().login() == null ? "" : row.user().login().trim().toLowerCase();
            if (!seen.add(key)) problems.add(new RowProblem(row.line(), "login '" + key + "' appears twice in the file"));
            else if (!key.isEmpty() && AppUser.findByLogin(key).isPresent()) problems.add(new RowProblem(row.line(), "login '" + key + "' already exists"));
            if (row.user().password() != null && !row.user().password().isBlank()) {
                try {
                    PasswordPolicy.check(row.user().password());
                } catch (Problem p) {
                    problems.add(new RowProblem(row.line(), p.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
            throw Problem.unprocessable("IMPORT_REJECTED", problems.size() + " row(s) have problems; nothing was imported", problems);
        }
        List<Created> created = parsed.rows().stream().map(r -> persist(r.user(), false)).toList();
        audit.record(Change.of("user.imported", "user-import", null).detail(Map.of("rows", created.size())));
        return new ImportResult(created.size(), created);
    }

    @Transactional
    public UserView setState(UUID id, AccountState state, String reason) {
        AppUser u = find(id);
        if (state == AccountState.SUSPENDED && (reason == null || reason.isBlank())) {
            throw Problem.badRequest("REASON_REQUIRED", "Say why the account is suspended");
        }
        AccountState before = u.state;
        u.state = state;
        if (state == AccountState.SUSPENDED) auth.revokeAllSessions(u.id);
        audit.record(Change.of("user.state", "user", u.id).detail(Map.of("from", before.name(), "to", state.name(), "reason", reason == null ? "" : reason)));
        return UserView.of(u);
    }

    @Transactional
    public UserView setRoles(UUID id, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) throw Problem.badRequest("ROLES_REQUIRED", "A person needs at least one role");
        AppUser u = find(id);
        Set<Role> before = u.roleSet();
        u.roles.clear();
        u.roles.addAll(roles);
        // a removed role stops working on the next request (SessionCheck) and closes sockets opened with it
        if (!roles.containsAll(before)) accessChanged.fire(new AccessChanged(u.id));
        audit.record(Change.of("user.roles", "user", u.id).detail(Map.of("from", before.toString(), "to", roles.toString())));
        return UserView.of(u);
    }

    @Transactional
    public String resetPassword(UUID id) {
        AppUser u = find(id);
        String password = generatePassword();
        u.passwordHash = auth.hasher().hash(password);
        auth.revokeAllSessions(u.id);
        audit.record(Change.of("user.password-reset", "user", u.id));
        return password;
    }

    @Transactional
    public void changeOwnPassword(UUID id, String current, String next) {
        AppUser u = find(id);
        if (!auth.passwordMatches(current, u.passwordHash)) throw Problem.badRequest("BAD_CREDENTIALS", "The current password is wrong");
        PasswordPolicy.check(next);
        u.passwordHash = auth.hasher().hash(next);
        audit.record(Change.of("user.password-changed", "user", u.id));
    }

    @Transactional
    public void setUiLanguage(UUID id, String lang) {
        if (lang == null || !LANGUAGES.contains(lang)) throw Problem.badRequest("BAD_LANGUAGE", "Language must be kk, ru or en");
        find(id).uiLanguage = lang;
    }

    public AppUser find(UUID id) {
        AppUser u = AppUser.findById(id);
        if (u == null) throw Problem.notFound("User");
        return u;
    }

    static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.insert(6, '-').toString() + RANDOM.nextInt(10);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** The application's validator (the CSV parser reads rows outside any bean, hence the lookup). */
    private static Validator validator() {
        return CDI.current().select(Validator.class).get();
    }
}
