package kz.adal.vision;

import java.util.UUID;

/**
 * Whether a proctor watches an attempt — assigned to it or to its exam. Proctoring answers it (it owns
 * the assignments); the identity gate and face evidence follow it, so a proctor of one exam never sees
 * or decides another exam's students (404, like the rest of the proctor API).
 */
public interface AttemptWatch {

    boolean watches(UUID proctorId, UUID attemptId);

    /** Whether the proctor watches any attempt of this student (to compare the reference photo). */
    boolean watchesStudent(UUID proctorId, UUID studentId);
}
