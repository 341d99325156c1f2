package kz.adal.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AuditTrailTest {
    @Inject
    AgroalDataSource db;

    @Test
    void detectsARowEditedInTheDatabase() throws Exception {
        Api.as("admin").body(Map.of("login", "audit.probe", "fullName", "Audit Probe", "roles", new String[]{"REVIEWER"}))
                .post("/api/users").then().statusCode(200);
        Api.as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true)).body("rows", greaterThan(0));
        long seq = Api.as("admin").get("/api/audit?limit=1").then().extract().jsonPath().getLong("[0].seq");
        String original;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select detail from audit_entry where seq = " + seq);
            rs.next();
            original = rs.getString(1);
            st.executeUpdate("update audit_entry set detail = '{\"login\":\"someone.else\"}' where seq = " + seq);
        }
        try {
            Api.as("admin").get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("breaks.seq", hasItem((int) seq));
        } finally {
            try (Connection c = db.getConnection(); var ps = c.prepareStatement("update audit_entry set detail = ? where seq = ?")) {
                ps.setString(1, original);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        }
        Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void detectsADeletedLastRow() throws Exception {
        Api.as("admin").body(Map.of("login", "audit.probe2", "fullName", "Audit Probe 2", "roles", new String[]{"REVIEWER"}))
                .post("/api/users").then().statusCode(200);
        long seq = Api.as("admin").get("/api/audit?limit=1").then().extract().jsonPath().getLong("[0].seq");
        Map<String, Object> row = new java.util.HashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select * from audit_entry where seq = " + seq);
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnName(i).toLowerCase(), rs.getObject(i));
            st.executeUpdate("delete from audit_entry where seq = " + seq);
        }
        try {
            Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(false));
        } finally {
            String cols = String.join(",", row.keySet());
            String marks = String.join(",", row.keySet().stream().map(k -> "?").toList());
            try (Connection c = db.getConnection(); var ps = c.prepareStatement("insert into audit_entry(" + cols + ") values (" + marks + ")")) {
                int i = 1;
                for (Object v : row.values()) ps.setObject(i++, v);
                ps.executeUpdate();
            }
        }
        Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(true));
    }
}
