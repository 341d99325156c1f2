package kz.adal.identity;

/**
 * Standing roles of a person (one person may hold several). Commission roles are not here:
 * they belong to a sitting or an appeal commission (see {@code kz.adal.oral} and
 * {@code kz.adal.casework}), because a member of one commission is not a member of another.
 * Clauses: REQUIREMENTS.md "People (roles)".
 */
public enum Role {
    /** білім алушы — sits tests (000 §4.7, 001 §5.11.2). */
    STUDENT,
    /** оқытушы-тьютор — defines exams, grades, exports to the AIS (001 §5.19, §5.21, §5.33). */
    TEACHER,
    /** құрастырушы — writes test banks (001 §5.21–5.22). */
    BANK_AUTHOR,
    /** кафедра меңгерушісі — records department approval, nominates experts, runs the oral draw (001 §5.21, §5.24, §6.15.6). */
    HEAD_OF_DEPARTMENT,
    /** сарапшы — reviews banks; never one of the bank's compilers (001 §5.24–5.26). */
    BANK_EXPERT,
    /** декан / орынбасары — applications, individual-sheet chain (001 §5.34, §6.15.3–6.15.4). */
    DEAN,
    /** академиялық саясат директоры — signs extensions (001 §5.34). */
    ACADEMIC_POLICY_DIRECTOR,
    /** оқу ісі жөніндегі проректор — signs extensions (001 §5.34). */
    ACADEMIC_VICE_RECTOR,
    /** тіркеу офисі — enters individual-sheet grades, monitoring reports (001 §5.34, §6.12.2). */
    REGISTRAR,
    /** портал әкімшісі — locks task bases and grading after the deadline (001 §5.31). */
    PORTAL_ADMIN,
    /** Watches live sessions; may stop a violator with academic-administrative authority (001 §6.14). */
    PROCTOR,
    /** техникалық хатшы — identity/room checks, technical-failure acts (001 §6.15.2, §6.15.6). */
    TECHNICAL_SECRETARY,
    /** Product term: reviews recordings and flags for the commission. */
    REVIEWER,
    /** Issues accounts and runs the system. */
    SYSTEM_ADMIN;

    /** Role names as used in {@code @RolesAllowed}. */
    public static final class Names {
        public static final String STUDENT = "STUDENT";
        public static final String TEACHER = "TEACHER";
        public static final String BANK_AUTHOR = "BANK_AUTHOR";
        public static final String HEAD_OF_DEPARTMENT = "HEAD_OF_DEPARTMENT";
        public static final String BANK_EXPERT = "BANK_EXPERT";
        public static final String DEAN = "DEAN";
        public static final String ACADEMIC_POLICY_DIRECTOR = "ACADEMIC_POLICY_DIRECTOR";
        public static final String ACADEMIC_VICE_RECTOR = "ACADEMIC_VICE_RECTOR";
        public static final String REGISTRAR = "REGISTRAR";
        public static final String PORTAL_ADMIN = "PORTAL_ADMIN";
        public static final String PROCTOR = "PROCTOR";
        public static final String TECHNICAL_SECRETARY = "TECHNICAL_SECRETARY";
        public static final String REVIEWER = "REVIEWER";
        public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

        private Names() {}
    }
}
