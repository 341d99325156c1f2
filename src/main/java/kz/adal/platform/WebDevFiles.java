package kz.adal.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * For front-end work only: with {@code adal.web.dev-dir=/path/to/web} the pages are served
 * straight from that folder (no rebuild after an edit). Normally the Maven build copies web/
 * into the jar and Quarkus serves it from there.
 */
@ApplicationScoped
public class WebDevFiles {
    void routes(@Observes Router router, @ConfigProperty(name = "adal.web.dev-dir") Optional<String> dir) {
        if (dir.isEmpty() || !Files.isDirectory(Path.of(dir.get()))) return;
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, Path.of(dir.get()).toAbsolutePath().toString())
                .setCachingEnabled(false).setIndexPage("index.html");
        router.route("/*").order(-100).handler(rc -> {
            String p = rc.normalizedPath();
            if (p.startsWith("/api/") || p.startsWith("/ws/") || p.startsWith("/q/")) rc.next();
            else files.handle(rc);
        });
    }
}
