package kz.adal.oral.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomLinkTest {
    static final UUID STUDENT = UUID.randomUUID(), CHAIR = UUID.randomUUID(), MEMBER = UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();

    static String report(UUID from, boolean audio, boolean video) {
        return "{\"peers\":[{\"userId\":\"" + from + "\",\"audio\":" + audio + ",\"video\":" + video + "}],\"muted\":{\"audio\":false,\"video\":false}}";
    }

    @Test
    void aGraderWithoutAFreshReportOrWithoutVideoHasNoLink() {
        Map<UUID, RoomLink.Report> reports = RoomLink.parseAll(Map.of(CHAIR, report(STUDENT, true, true), MEMBER, report(STUDENT, true, false)), JSON);
        assertEquals(List.of(MEMBER), RoomLink.withoutStudent(List.of(CHAIR, MEMBER), STUDENT, reports));
        assertEquals(List.of(CHAIR, MEMBER), RoomLink.withoutStudent(List.of(CHAIR, MEMBER), STUDENT, Map.of()));
    }

    @Test
    void receivingSomeoneElseIsNotTheStudentsLink() {
        Map<UUID, RoomLink.Report> reports = RoomLink.parseAll(Map.of(CHAIR, report(MEMBER, true, true)), JSON);
        assertEquals(List.of(CHAIR), RoomLink.withoutStudent(List.of(CHAIR), STUDENT, reports));
    }

    @Test
    void everyGraderReceivingTheStudentIsTheLink() {
        Map<UUID, RoomLink.Report> reports = RoomLink.parseAll(Map.of(CHAIR, report(STUDENT, true, true), MEMBER, report(STUDENT, true, true),
                STUDENT, "not json"), JSON);
        assertTrue(RoomLink.withoutStudent(List.of(CHAIR, MEMBER), STUDENT, reports).isEmpty());
    }
}
