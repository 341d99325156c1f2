package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The two kinds of {@link GradedSubject}, looked up by an act's or an appeal's kind. */
@ApplicationScoped
class GradedSubjects {

    private final TestAttemptSubject test;
    private final OralTurnSubject oral;

    GradedSubjects(TestAttemptSubject test, OralTurnSubject oral) {
        this.test = test;
        this.oral = oral;
    }

    GradedSubject of(Act.Kind kind) {
        return kind == Act.Kind.TEST ? test : oral;
    }

    GradedSubject of(Appeal.Kind kind) {
        return kind == Appeal.Kind.TEST ? test : oral;
    }

    /** Both, tests first (the order the student's list shows them in). */
    List<GradedSubject> all() {
        return List.of(test, oral);
    }

    GradedSubject test() {
        return test;
    }

    GradedSubject oral() {
        return oral;
    }
}
