package kz.adal.lti;

import kz.adal.identity.Role;

import java.util.Collection;
import java.util.Optional;

/**
 * An LTI launch's roles as Adal's: a course Instructor (or the platform's Administrator, who may add the tool) is a
 * teacher, a Learner a student. Roles are full URIs ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Learner});
 * the short forms LTI 1.1 allowed are accepted too. Teacher wins when both are given (a teacher previewing as student).
 */
final class LtiRoles {
    private LtiRoles() {}

    static Optional<Role> adalRole(Collection<String> roles) {
        if (roles == null) return Optional.empty();
        boolean learner = false;
        for (String r : roles) {
            String name = r == null ? "" : r.substring(r.lastIndexOf('#') + 1);
            boolean membership = r != null && (r.startsWith("http://purl.imsglobal.org/vocab/lis/v2/membership#") || !r.contains("/"));
            if (membership && (name.equals("Instructor") || name.equals("Administrator") || name.equals("ContentDeveloper"))) {
                return Optional.of(Role.TEACHER);
            }
            if (r != null && r.equals("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")) return Optional.of(Role.TEACHER);
            if (membership && name.equals("Learner")) learner = true;
        }
        return learner ? Optional.of(Role.STUDENT) : Optional.empty();
    }
}
