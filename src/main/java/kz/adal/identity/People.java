package kz.adal.identity;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other features read about people, as records: the names shown next to ids on pages, notices and documents,
 * who holds a role, who studies in a group (the {@link AppUser} entity stays this feature's own; docs/architecture.md,
 * "Feature boundaries"). Grow it with what a caller needs instead of reaching for the entity.
 *
 * <p>The look-ups are static, like the Panache finders they stand for, so that the static view builders and jobs
 * that read a name keep doing so; like those finders, they run in the caller's transaction.
 */
@ApplicationScoped
public class People {

    /**
     * A person as other features see them.
     *
     * @param groupCode           study group, for students (null otherwise)
     * @param instructionLanguage language of instruction: kk, ru or en (null when not set)
     * @param uiLanguage          the interface language they chose
     * @param curriculumCompleted admitted to final attestation (001 §5.39.4)
     * @param masterApplicant     applying to a master's programme (001 §6.15.2)
     */
    public record Person(UUID id, String login, String fullName, String email, Set<Role> roles, boolean active,
                         String groupCode, String programme, String instructionLanguage, String uiLanguage,
                         boolean curriculumCompleted, boolean masterApplicant) {

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    /** Full names by id; an id with no account is left out. */
    public static Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, String> out = new HashMap<>();
        AppUser.<AppUser>list("id in ?1", ids).forEach(u -> out.put(u.id, u.fullName));
        return out;
    }

    /** How a person is shown in a list: full name and login. */
    public record Name(String fullName, String login) {
    }

    /** Full names and logins by id (no roles read); an id with no account is left out. */
    public static Map<UUID, Name> namesAndLogins(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, Name> out = new HashMap<>();
        AppUser.getEntityManager().createQuery("select u.id, u.fullName, u.login from AppUser u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> out.put((UUID) r[0], new Name((String) r[1], (String) r[2])));
        return out;
    }

    public static Optional<Person> find(UUID id) {
        return id == null ? Optional.empty() : AppUser.<AppUser>findByIdOptional(id).map(People::person);
    }

    /** The full name of {@code id}, or null when there is no such account. */
    public static String nameOf(UUID id) {
        return find(id).map(Person::fullName).orElse(null);
    }

    public static Optional<Person> byLogin(String login) {
        return AppUser.findByLogin(login).map(People::person);
    }

    /** Everyone who holds {@code role}, by name. */
    public static List<Person> withRole(Role role) {
        return AppUser.<AppUser>list("select u from AppUser u join u.roles r where r = ?1 order by u.fullName", role)
                .stream().map(People::person).toList();
    }

    /** The students of a study group, by name. */
    public static List<Person> groupStudents(String groupCode) {
        return AppUser.<AppUser>list("groupCode = ?1 and ?2 member of roles order by fullName", groupCode, Role.STUDENT)
                .stream().map(People::person).toList();
    }

    /** Every student who is in a study group, by name. */
    public static List<Person> groupedStudents() {
        return AppUser.<AppUser>list("?1 member of roles and groupCode is not null order by fullName", Role.STUDENT)
                .stream().map(People::person).toList();
    }

    /** Everyone in a study group, whatever their roles. */
    public static List<Person> inGroup(String groupCode) {
        return AppUser.<AppUser>list("groupCode = ?1", groupCode).stream().map(People::person).toList();
    }

    /**
     * How many logins (sessions opened) these people made between {@code from} and {@code to}, both included: the
     * access part of the monitoring report (001 §6.12.2). In slices of 1,000 ids, as a long IN list is refused by some
     * databases.
     */
    public static long loginsBetween(Collection<UUID> userIds, java.time.Instant from, java.time.Instant to) {
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        long n = 0;
        for (int i = 0; i < ids.size(); i += 1000) {
            n += UserSession.count("userId in ?1 and createdAt >= ?2 and createdAt <= ?3", ids.subList(i, Math.min(ids.size(), i + 1000)), from, to);
        }
        return n;
    }

    static Person person(AppUser u) {
        Set<Role> roles = u.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles);
        return new Person(u.id, u.login, u.fullName, u.email, java.util.Collections.unmodifiableSet(roles), u.isActive(), u.groupCode, u.programme,
                u.instructionLanguage, u.uiLanguage, u.curriculumCompleted, u.masterApplicant);
    }
}
