package kz.adal.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One stored chunk: the ledger row. Unique on (track, segment, seq): the database is the arbiter between nodes. */
@Entity
@Table(name = "media_chunk")
class MediaChunk extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public int segment;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public int size;

    @Column(name = "client_start", nullable = false)
    public Instant clientStart;

    @Column(name = "client_end", nullable = false)
    public Instant clientEnd;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static MediaChunk of(UUID trackId, int segment, ChunkRecord r) {
        MediaChunk c = new MediaChunk();
        c.trackId = trackId;
        c.segment = segment;
        c.seq = r.seq();
        c.sha256 = r.sha256();
        c.size = r.size();
        c.clientStart = r.clientStart();
        c.clientEnd = r.clientEnd();
        c.receivedAt = r.receivedAt();
        return c;
    }

    ChunkRecord record() {
        return new ChunkRecord(seq, sha256, size, clientStart, clientEnd, receivedAt);
    }
}
