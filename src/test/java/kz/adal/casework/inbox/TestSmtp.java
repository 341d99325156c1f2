package kz.adal.casework.inbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on the configured mailer port (3025 in the test
 * profile; override with -Dquarkus.mailer.port when several checkouts test on one machine at once). Tests call
 * {@link #fresh()} to start with an empty mailbox and never stop it, except a test of "the mail server is down".
 *
 * <p>Observed here: after an SMTP server on the port was stopped, the mailer's next send hangs ~30 s before it
 * fails, then sending works again. So when the server had to be started again, one throw-away mail is sent first.
 */
public final class TestSmtp {
    private static GreenMail server;

    private TestSmtp() {
    }

    public static synchronized GreenMail fresh() {
        if (server == null || !server.isRunning()) {
            boolean restarted = server != null;
            int port = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            if (restarted) prime();
        }
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    private static void prime() {
        Mailer mailer = Arc.container().instance(Mailer.class).get();
        for (int i = 0; i < 3; i++) {
            try {
                mailer.send(Mail.withText("prime@test.example", "prime", "prime"));
                return;
            } catch (RuntimeException stale) {
                // the stale connection; the next try opens a new one
            }
        }
    }
}
