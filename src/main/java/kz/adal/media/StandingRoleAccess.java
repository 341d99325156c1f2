package kz.adal.media;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.identity.Role;

/**
 * The default access rule: REVIEWERs and the DEAN (who sits on the commissions' side until casework models
 * commission membership), and the student whose attempt it is (for an appeal). A teacher or proctor is not
 * allowed by this rule.
 */
@ApplicationScoped
public class StandingRoleAccess implements RecordingAccessPolicy {

    @Override
    public boolean mayView(Actor viewer, Subject subject) {
        if (viewer.id().equals(subject.studentId())) return true;
        return viewer.roles().contains(Role.REVIEWER) || viewer.roles().contains(Role.DEAN);
    }
}
