package kz.adal.proctoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kz.adal.attempt.AttemptEvents.AttemptStarted;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Demo data: the demo proctor watches the demo exams. At start-up (after the other demo data) every
 * exam without a proctor gets the demo {@code proctor}, and so does an exam created later when its first
 * attempt starts. Only when {@code adal.demo.enabled}; a real institution assigns proctors itself.
 */
@ApplicationScoped
class DemoProctoring {
    private static final Logger LOG = Logger.getLogger(DemoProctoring.class);
    private final boolean enabled;
    private final TimeSource time;
    private final ExamCatalog exams;

    DemoProctoring(@ConfigProperty(name = "adal.demo.enabled") boolean enabled, TimeSource time, ExamCatalog exams) {
        this.exams = exams;
        this.enabled = enabled;
        this.time = time;
    }

    void onStart(@Observes @Priority(5000) StartupEvent ev) {
        if (!enabled) return;
        int n = QuarkusTransaction.requiringNew().call(() -> {
            int assigned = 0;
            for (ExamCatalog.ExamRecord e : exams.all()) if (assign(e.id())) assigned++;
            return assigned;
        });
        if (n > 0) LOG.infof("Demo: the demo proctor watches %d exams", n);
    }

    void onAttemptStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptStarted started) {
        if (!enabled) return;
        QuarkusTransaction.requiringNew().run(() -> assign(started.examId()));
    }

    private boolean assign(UUID examId) {
        if (ProctorAssignment.count("examId", examId) > 0) return false;
        Person proctor = People.byLogin("proctor").orElse(null);
        Person teacher = People.byLogin("teacher").orElse(null);
        if (proctor == null || teacher == null) return false;
        ProctorAssignment pa = new ProctorAssignment();
        pa.proctorId = proctor.id();
        pa.examId = examId;
        pa.assignedBy = teacher.id();
        pa.assignedAt = time.now();
        pa.persist();
        return true;
    }
}
