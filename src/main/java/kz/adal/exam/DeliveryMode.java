package kz.adal.exam;

/** How a sitting is watched. */
public enum DeliveryMode {
    /** Remote, with online proctoring: verification, screen and camera, full recording (003 §16). */
    REMOTE_PROCTORED,
    /** Remote, nobody watching. Refused for every assessment kind; practice mode is not an assessment. */
    REMOTE_UNPROCTORED,
    /** On campus in a room with a supervisor; allowed instead of proctoring only with a recorded reason. */
    SUPERVISED_ON_CAMPUS
}
