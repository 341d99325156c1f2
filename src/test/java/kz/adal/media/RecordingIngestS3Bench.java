package kz.adal.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sibling of {@link RecordingIngestBench} on an object store (s3proxy in this JVM): the same load through the
 * node (the node PUTs each chunk to the store) and then directly (the client asks the node for an address, PUTs
 * the bytes to the store, tells the node). Run both classes in one Maven run; each appends its lines to
 * target/bench/recording-ingest.txt. s3proxy shares the two cores with the node and the load generator, so the
 * direct figure carries the store's work too: on separate machines the node's share is what limits it.
 */
@QuarkusTest
@TestProfile(DirectUploadBenchProfile.class)
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "adal.bench", matches = "true") // no app start for its profile otherwise
class RecordingIngestS3Bench {

    @TestHTTPResource("/")
    URL base;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measureIngestOnAnObjectStore() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("adal.bench"), "benchmarks run only with -Dadal.bench=true");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String node = RecordingIngestBench.measure("through the node, s3proxy", RecordingIngestBench.students(),
                (st, kind, seq, body, clock) -> RecordingIngestBench.throughNode(http, base, st, kind, seq, body, clock));
        RecordingIngestBench.write(node, true);
        String direct = RecordingIngestBench.measure("direct to s3proxy (address, PUT, confirm)", RecordingIngestBench.students(),
                (st, kind, seq, body, clock) -> direct(http, st, kind, seq, body, clock));
        RecordingIngestBench.write(direct, true);
    }

    private boolean direct(HttpClient http, RecordingIngestBench.Student st, String kind, int seq, byte[] body, double clock) throws Exception {
        String sha = ChunkUpload.sha256Hex(body); // the browser hashes its blob (WebCrypto) before asking
        String tracks = base + "api/attempts/" + st.attempt() + "/tracks/" + kind;
        HttpResponse<String> a = http.send(json(tracks + "/upload-urls", st, Map.of("segment", 0, "seq", seq, "size", body.length,
                "sha256", sha, "contentType", DirectUploads.CHUNK_TYPE)), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) return false;
        JsonNode address = JSON.readTree(a.body());
        if ("UPLOAD".equals(address.path("outcome").asText())) {
            HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(address.path("url").asText()))
                    .header("Content-Type", DirectUploads.CHUNK_TYPE).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (put.statusCode() != 200) return false;
        }
        HttpResponse<String> c = http.send(json(tracks + "/uploaded", st, Map.of("segment", 0, "chunks", List.of(Map.of("seq", seq,
                "size", body.length, "sha256", sha, "clientStart", clock, "clientEnd", clock + 4000)))), HttpResponse.BodyHandlers.ofString());
        if (c.statusCode() != 200) return false;
        String outcome = JSON.readTree(c.body()).path("chunks").path(0).path("outcome").asText();
        return outcome.equals("STORED") || outcome.equals("DUPLICATE");
    }

    private static HttpRequest json(String url, RecordingIngestBench.Student st, Object body) throws Exception {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + st.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }
}
