package kz.adal.oral.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "The answer needs the link" (issue 14, 001 §6.15.6): an open socket is not enough — each grader's page
 * reports, from {@code RTCPeerConnection.getStats()} (or Jitsi's participant events), whether the student's
 * audio and video actually arrive (decoded frames and audio samples growing). A grader without a fresh report
 * that both arrive does not have the link.
 */
public final class RoomLink {
    private RoomLink() {}

    /** What one page receives from one participant. */
    public record Media(boolean audio, boolean video) {
        public boolean live() {
            return audio && video;
        }
    }

    /** One page's report: per sender, what arrives; and its own microphone/camera switched off or not. */
    public record Report(Map<UUID, Media> receiving, boolean audioMuted, boolean videoMuted) {}

    /** The graders (in the given order) who do not receive live audio and video from the student. */
    public static List<UUID> withoutStudent(Collection<UUID> graders, UUID student, Map<UUID, Report> reports) {
        return graders.stream().filter(g -> {
            Report r = reports.get(g);
            Media m = r == null ? null : r.receiving().get(student);
            return m == null || !m.live();
        }).toList();
    }

    /** A page's report as the socket receives it: {@code {"peers":[{"userId","audio","video"}],"muted":{"audio","video"}}}. */
    static Report parse(JsonNode msg) {
        Map<UUID, Media> receiving = new LinkedHashMap<>();
        JsonNode peers = msg.path("peers");
        if (peers.isArray()) {
            for (JsonNode p : peers) {
                try {
                    UUID id = UUID.fromString(p.path("userId").asText());
                    Media before = receiving.get(id);
                    Media now = new Media(p.path("audio").asBoolean(false), p.path("video").asBoolean(false));
                    // two tabs of one user: the better link counts
                    receiving.put(id, before == null ? now : new Media(before.audio() || now.audio(), before.video() || now.video()));
                } catch (IllegalArgumentException ignored) {
                    // not a user id: ignored
                }
            }
        }
        return new Report(receiving, msg.path("muted").path("audio").asBoolean(false), msg.path("muted").path("video").asBoolean(false));
    }

    public static Map<UUID, Report> parseAll(Map<UUID, String> stored, ObjectMapper json) {
        Map<UUID, Report> out = new LinkedHashMap<>();
        stored.forEach((user, text) -> {
            try {
                out.put(user, parse(json.readTree(text)));
            } catch (Exception ignored) {
                // an unreadable report counts as none
            }
        });
        return out;
    }
}
