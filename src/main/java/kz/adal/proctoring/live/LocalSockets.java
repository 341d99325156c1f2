package kz.adal.proctoring.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets on this node, as the {@link LiveHub} sees them: each student's by attempt and by connection, and the
 * proctors'. What the proctors watch is the hub's (its watch map); this only says who is connected here.
 */
final class LocalSockets {
    private final Map<UUID, LiveHub.StudentClient> students = new ConcurrentHashMap<>();
    private final Map<String, LiveHub.StudentClient> byConnection = new ConcurrentHashMap<>();
    private final Set<LiveHub.ProctorClient> proctors = ConcurrentHashMap.newKeySet();

    void studentConnected(UUID attemptId, LiveHub.StudentClient c) {
        students.put(attemptId, c);
        byConnection.put(c.connectionId(), c);
    }

    void studentGone(UUID attemptId, LiveHub.StudentClient c) {
        students.remove(attemptId, c);
        byConnection.remove(c.connectionId(), c);
    }

    /** The attempt's student socket on this node, or null. */
    LiveHub.StudentClient student(UUID attemptId) {
        return students.get(attemptId);
    }

    boolean hasStudent(UUID attemptId) {
        return students.containsKey(attemptId);
    }

    /** Another tab took over: the old connection, if it is on this node, is told and forgotten. */
    void replaced(UUID attemptId, String oldConnection) {
        LiveHub.StudentClient c = byConnection.remove(oldConnection);
        if (c != null) {
            students.remove(attemptId, c);
            c.replaced();
        }
    }

    /** The connections of this node's students (their session claims are kept alive). */
    List<String> studentConnections() {
        return students.values().stream().map(LiveHub.StudentClient::connectionId).toList();
    }

    int students() {
        return students.size();
    }

    void proctorConnected(LiveHub.ProctorClient p) {
        proctors.add(p);
    }

    void proctorGone(LiveHub.ProctorClient p) {
        proctors.remove(p);
    }
}
