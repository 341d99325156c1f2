package kz.adal.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Committed MediaRecorder output from Chromium (made by {@link BrowserMediaRecorder#main}), so unit
 * tests need no browser. {@code camera-vp8-opus}: 320×240@10 fps VP8 + Opus, 1 s timeslice, ~7.9 s;
 * {@code screen-vp8}: fake 1280×720 screen at 2 fps, no audio.
 */
final class MediaFixtures {

    record Fixture(String name, double recordedSeconds, List<BrowserMediaRecorder.BrowserChunk> chunks) {

        ChunkUpload upload(int seq) {
            BrowserMediaRecorder.BrowserChunk c = chunks.get(seq);
            return new ChunkUpload(c.seq(), c.bytes(), c.clientStart(), c.clientEnd());
        }

        /** Server receive time: the client's end time plus a fixed clock offset and upload delay. */
        Instant receivedAt(int seq, Duration serverMinusClient) {
            return chunks.get(seq).clientEnd().plus(serverMinusClient);
        }

        /** A track of a fresh attempt with every chunk accepted in the given order. */
        TrackAssembler assemble(RecordingStorage storage, TrackKind kind, List<Integer> order, Duration offset) {
            TrackAssembler assembler = new TrackAssembler(storage, ChunkLedger.open(new TrackId(UUID.randomUUID(), kind)));
            for (int seq : order) {
                assembler.accept(upload(seq), receivedAt(seq, offset));
            }
            return assembler;
        }

        List<Integer> allSeqs() {
            return chunks.stream().map(BrowserMediaRecorder.BrowserChunk::seq).toList();
        }
    }

    private MediaFixtures() {
    }

    static Fixture camera() {
        return load("camera-vp8-opus");
    }

    static Fixture screen() {
        return load("screen-vp8");
    }

    private static Fixture load(String name) {
        String base = "/media/" + name + "/";
        String index = new String(bytes(base + "chunks.tsv"), StandardCharsets.UTF_8);
        double recorded = 0;
        List<BrowserMediaRecorder.BrowserChunk> chunks = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (line.startsWith("#")) {
                for (String field : line.substring(1).trim().split(" ")) {
                    if (field.startsWith("recordedSeconds=")) {
                        recorded = Double.parseDouble(field.substring("recordedSeconds=".length()));
                    }
                }
            } else if (!line.isBlank()) {
                String[] f = line.split("\t");
                int seq = Integer.parseInt(f[0]);
                chunks.add(new BrowserMediaRecorder.BrowserChunk(seq,
                        bytes(base + String.format("chunk-%06d.webm", seq)),
                        Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return new Fixture(name, recorded, List.copyOf(chunks));
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = MediaFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
