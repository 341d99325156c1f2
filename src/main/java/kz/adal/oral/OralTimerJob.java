package kz.adal.oral;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends preparation and answer stages whose server-kept deadline has passed, even if nobody clicks; and watches
 * the link of every answer under way (an outage is measured, a long one pauses the answer).
 */
@ApplicationScoped
public class OralTimerJob {
    private final OralRoomHooks service;

    OralTimerJob(OralRoomHooks service) {
        this.service = service;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        service.expireDue();
        service.watchLinks();
    }
}
