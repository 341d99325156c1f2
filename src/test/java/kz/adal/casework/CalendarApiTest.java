package kz.adal.casework;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The working calendar per year: the admin edits it, others only read it; bad days are refused and change nothing. */
@QuarkusTest
class CalendarApiTest {

    @Test
    void theAdminEditsAYearAndOthersAreRefused() {
        int year = 2031; // a year no other test uses
        Api.as("student").get("/api/calendar/" + year).then().statusCode(200).body("configured", equalTo(false));
        Map<String, Object> body = Map.of("days", List.of(
                AppealGiven.day(LocalDate.of(year, 1, 1), "HOLIDAY", "New Year"),
                AppealGiven.day(LocalDate.of(year, 1, 3), "DAY_OFF", "Moved from Saturday 4 January"),
                AppealGiven.day(LocalDate.of(year, 1, 4), "WORKING_DAY", "Working Saturday")));
        for (String login : List.of("student", "dean", "teacher", "registrar")) {
            Api.as(login).body(body).put("/api/calendar/" + year).then().statusCode(403);
            Api.as(login).body(AppealGiven.day(LocalDate.of(year, 3, 21), "HOLIDAY", "Nauryz")).post("/api/calendar/" + year + "/days")
                    .then().statusCode(403);
        }
        Api.anonymous().body(body).put("/api/calendar/" + year).then().statusCode(401);
        Api.as("admin").body(body).put("/api/calendar/" + year).then().statusCode(200)
                .body("configured", equalTo(true)).body("sample", equalTo(false)).body("days.size()", equalTo(3));
        Api.as("admin").body(AppealGiven.day(LocalDate.of(year, 3, 21), "HOLIDAY", "Nauryz")).post("/api/calendar/" + year + "/days")
                .then().statusCode(200).body("days.date", hasItem(year + "-03-21"));
        // a moved day off on a Saturday is refused; nothing entered before is lost
        Api.as("admin").body(AppealGiven.day(LocalDate.of(year, 3, 22), "DAY_OFF", "wrong")).post("/api/calendar/" + year + "/days")
                .then().statusCode(422).body("code", equalTo("CALENDAR_DAY_OFF_ON_WEEKEND"));
        Api.as("admin").body(AppealGiven.day(LocalDate.of(year, 3, 21), "HOLIDAY", "twice")).post("/api/calendar/" + year + "/days")
                .then().statusCode(422).body("code", equalTo("CALENDAR_DATE_DUPLICATED"));
        Api.as("admin").body(AppealGiven.day(LocalDate.of(year + 1, 1, 1), "HOLIDAY", "x")).post("/api/calendar/" + year + "/days")
                .then().statusCode(422).body("code", equalTo("CALENDAR_DATE_OUTSIDE_YEAR"));
        Api.as("student").get("/api/calendar/" + year).then().statusCode(200).body("days.size()", equalTo(4))
                .body("days.date", not(hasItem(year + "-03-22")));
        Api.as("admin").delete("/api/calendar/" + year + "/days/" + year + "-03-21").then().statusCode(200).body("days.size()", equalTo(3));
        Api.as("admin").get("/api/calendar").then().body("$", hasItem(year));
    }
}
