package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An account issued by the university (001 §5.11.2: no self-registration). */
@Entity
@Table(name = "app_user")
class AppUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false, unique = true)
    public String login;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountState state = AccountState.ACTIVE;

    /** Study group code, for students (e.g. "IS-22-1"). */
    @Column(name = "group_code")
    public String groupCode;

    /** Education programme (білім беру бағдарламасы). */
    public String programme;

    /** Language of instruction: kk, ru or en (001 §5.23.5). */
    @Column(name = "instruction_language")
    public String instructionLanguage;

    /** Preferred interface language. */
    @Column(name = "ui_language")
    public String uiLanguage = "kk";

    /** Has completed the whole curriculum: admits to final attestation (001 §5.39.4). */
    @Column(name = "curriculum_completed", nullable = false)
    public boolean curriculumCompleted;

    /** Applying to a master's programme: an "I" grade is due by 10 July (001 §6.15.2). */
    @Column(name = "master_applicant", nullable = false)
    public boolean masterApplicant;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<AppUser> findByLogin(String login) {
        return find("login", login.trim().toLowerCase()).firstResultOptional();
    }

    public boolean has(Role role) { return roles.contains(role); }

    public boolean isActive() { return state == AccountState.ACTIVE; }

    public Set<Role> roleSet() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
}
