package kz.adal.proctoring.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A live event as JSON: what the consoles receive and what travels between nodes on the {@link LiveBus}. */
@ApplicationScoped
class LiveEventJson {
    private final ObjectMapper json;

    LiveEventJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode toJson(LiveEvent e) {
        ObjectNode o = json.createObjectNode().put("id", e.id().toString()).put("kind", e.kind())
                .put("serverAt", e.serverAt().toString()).put("at", e.at().toString());
        if (e.seq() != null) o.put("seq", e.seq());
        if (e.clientAt() != null) o.put("clientAt", e.clientAt().toString());
        if (!e.data().isEmpty()) o.set("data", json.valueToTree(e.data()));
        return o;
    }

    LiveEvent fromJson(UUID attemptId, JsonNode o) {
        Map<String, Object> data = o.has("data") ? json.convertValue(o.get("data"), new TypeReference<Map<String, Object>>() { }) : Map.of();
        return new LiveEvent(UUID.fromString(o.get("id").asText()), attemptId, o.has("seq") ? o.get("seq").asLong() : null,
                o.get("kind").asText(), o.hasNonNull("clientAt") ? Instant.parse(o.get("clientAt").asText()) : null,
                Instant.parse(o.get("serverAt").asText()), data);
    }
}
