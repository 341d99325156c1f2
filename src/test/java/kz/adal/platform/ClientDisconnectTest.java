package kz.adal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A torn upload is an ordinary client disconnect, not an "Unexpected failure" logged with a stack. */
class ClientDisconnectTest {
    @Test
    void aBodyCutOffMidUploadIsAClientDisconnect() {
        // what RESTEasy Reactive throws when the browser's connection closes while a chunk is read
        assertTrue(ProblemMapper.isClientDisconnect(new IOException(new ClosedChannelException())));
        assertTrue(ProblemMapper.isClientDisconnect(new RuntimeException(new IOException("Connection reset by peer"))));
    }

    @Test
    void realFailuresStayLoud() {
        assertFalse(ProblemMapper.isClientDisconnect(new IllegalStateException("boom")));
        assertFalse(ProblemMapper.isClientDisconnect(new IOException("disk full")));
    }
}
