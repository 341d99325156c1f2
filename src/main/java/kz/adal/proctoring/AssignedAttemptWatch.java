package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.vision.AttemptWatch;

import java.util.UUID;

/** The identity gate's and face evidence's access rule: the proctor assignments. */
@ApplicationScoped
class AssignedAttemptWatch implements AttemptWatch {
    private final AttemptDirectory directory;

    AssignedAttemptWatch(AttemptDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean watches(UUID proctorId, UUID attemptId) {
        return directory.isAssigned(proctorId, attemptId);
    }

    @Override
    public boolean watchesStudent(UUID proctorId, UUID studentId) {
        return directory.watchesStudent(proctorId, studentId);
    }
}
