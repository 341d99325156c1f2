package kz.adal.proctoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Which browser tab holds an attempt's live connection, across nodes. */
@Entity
@Table(name = "proctoring_session")
class ProctoringSession extends PanacheEntityBase {
    @Id
    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "tab_id")
    public String tabId;

    @Column(name = "connection_id")
    public String connectionId;

    public String node;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
