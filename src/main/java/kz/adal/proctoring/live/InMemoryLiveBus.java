package kz.adal.proctoring.live;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A single node's bus: messages go straight to the local subscribers. */
final class InMemoryLiveBus implements LiveBus {
    private static final Logger LOG = Logger.getLogger(InMemoryLiveBus.class);
    private final List<Consumer<String>> handlers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String message) {
        for (Consumer<String> h : handlers) {
            try {
                h.accept(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "live bus handler failed");
            }
        }
    }

    @Override
    public void subscribe(Consumer<String> handler) {
        handlers.add(handler);
    }

    @Override
    public String kind() {
        return "memory";
    }
}
