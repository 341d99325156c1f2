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

    @Inject
    AuditTrail trail;

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

    @Test
    void detectsTheLastRowsDeletedAndTheHeadRewoundAgainstTheLatestSignedCheckpoint() throws Exception {
        Api.as("admin").body(Map.of("login", "audit.probe3", "fullName", "Audit Probe 3", "roles", new String[]{"REVIEWER"}))
                .post("/api/users").then().statusCode(200);
        AuditCheckpoint cp = trail.checkpoint().orElseThrow();
        Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(true))
                .body("checkpoint.seq", equalTo((int) cp.seq())).body("checkpoint.signer", org.hamcrest.Matchers.notNullValue());
        Api.as("admin").body(Map.of("login", "audit.probe4", "fullName", "Audit Probe 4", "roles", new String[]{"REVIEWER"}))
                .post("/api/users").then().statusCode(200);
        // the sealer chains entries in the background: everything written so far is chained before the rows are cut,
        // and the cut (like the restore below) holds the head row's lock, as the sealer does, so the two never interleave
        Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(true));

        // someone with database access removes the last rows, checkpointed ones included, and rewinds the head
        long keep = cp.seq() - 1;
        java.util.List<Map<String, Object>> removed = new java.util.ArrayList<>();
        long headSeq;
        String headHash;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            var h = st.executeQuery("select last_seq, last_hash from audit_head where id = 1 for update");
            h.next();
            headSeq = h.getLong(1);
            headHash = h.getString(2);
            var rs = st.executeQuery("select * from audit_entry where seq > " + keep + " order by seq");
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnName(i).toLowerCase(), rs.getObject(i));
                removed.add(row);
            }
            var last = st.executeQuery("select hash from audit_entry where seq = " + keep);
            last.next();
            String keptHash = last.getString(1);
            st.executeUpdate("delete from audit_entry where seq > " + keep);
            st.executeUpdate("update audit_head set last_seq = " + keep + ", last_hash = '" + keptHash + "' where id = 1");
            c.commit();
        }
        try {
            Api.as("admin").get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("breaks.code", hasItem("TRUNCATED"))
                    .body("breaks.seq", hasItem((int) cp.seq()))
                    .body("checkpoint.seq", equalTo((int) cp.seq()));
        } finally {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (Statement lock = c.createStatement()) {
                    lock.executeQuery("select last_seq from audit_head where id = 1 for update").close();
                }
                for (Map<String, Object> row : removed) {
                    String cols = String.join(",", row.keySet());
                    String marks = String.join(",", row.keySet().stream().map(k -> "?").toList());
                    try (var ps = c.prepareStatement("insert into audit_entry(" + cols + ") values (" + marks + ")")) {
                        int i = 1;
                        for (Object v : row.values()) ps.setObject(i++, v);
                        ps.executeUpdate();
                    }
                }
                try (var ps = c.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
                    ps.setLong(1, headSeq);
                    ps.setString(2, headHash);
                    ps.executeUpdate();
                }
                c.commit();
            }
        }
        Api.as("admin").get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    /**
     * Issue 17: an audited change used to lock the chain's head row until its transaction committed, so every start
     * of an exam waited for the one before. Now the second change commits while the first transaction is still open,
     * and the sealer chains both once committed, in the order they committed.
     */
    @Test
    void twoAuditedChangesInFlightDoNotWaitForEachOther() throws Exception {
        String scope = java.util.UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch firstWritten = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = threads.submit(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                trail.record(AuditTrail.Change.of("test.first", "probe", "1").scope(scope), null, "system");
                firstWritten.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            org.junit.jupiter.api.Assertions.assertTrue(firstWritten.await(30, java.util.concurrent.TimeUnit.SECONDS), "the first change was written");
            java.util.concurrent.Future<?> second = threads.submit(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    trail.record(AuditTrail.Change.of("test.second", "probe", "2").scope(scope), null, "system")));
            // with the head row locked by the first transaction this waited (until the lock timed out): it must not
            second.get(20, java.util.concurrent.TimeUnit.SECONDS);
            release.countDown();
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        // both in the chain; in which order depends on whether the sealer ran between the two commits (it chains
        // what it finds committed, in id order), so only membership is certain here
        java.util.List<String> actions = Api.as("admin").get("/api/audit?scope=" + scope).then().statusCode(200).extract().path("action");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("test.first", "test.second"), java.util.Set.copyOf(actions));
        org.junit.jupiter.api.Assertions.assertEquals(2, actions.size());
        Api.as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        Api.as("admin").get("/api/audit/verify?scope=" + scope).then().statusCode(200).body("intact", equalTo(true)).body("rows", equalTo(2));
    }
}
