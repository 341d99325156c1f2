package kz.adal.exam;

/** What is known about a student when admission to an exam is decided. */
public record AdmissionFacts(boolean completedCurriculum, boolean completedControlTasks) {
}
