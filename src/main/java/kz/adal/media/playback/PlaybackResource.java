package kz.adal.media.playback;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.adal.identity.CurrentUser;
import kz.adal.media.RecordingStorage;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Playback for review and appeal. The address of a recording is {@code /api/recordings/{token}} with a random
 * per-track token; a caller either sends the bearer token (an API client, audited per request) or a ticket
 * from {@code POST /api/recordings/{token}/tickets} (a {@code <video>} element cannot send headers).
 * Byte ranges are served (RFC 9110 §14): {@code 206}, {@code Content-Range}, {@code Accept-Ranges: bytes};
 * an unsatisfiable range is {@code 416} with {@code Content-Range: bytes *}{@code /size}.
 */
@Path("/api/recordings")
public class PlaybackResource {

    private static final int BLOCK = 256 * 1024;

    private final PlaybackService playback;
    private final RecordingStorage storage;
    private final CurrentUser me;

    PlaybackResource(PlaybackService playback, RecordingStorage storage, CurrentUser me) {
        this.playback = playback;
        this.storage = storage;
        this.me = me;
    }

    @GET
    @Path("/attempts/{attemptId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public PlaybackService.RecordingView recordings(@PathParam("attemptId") UUID attemptId) {
        return playback.recordings(attemptId, me.id());
    }

    /** The recordings of another owner than an attempt, e.g. {@code /api/recordings/owners/ORAL_TURN/{turnId}}. */
    @GET
    @Path("/owners/{kind}/{ownerId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public PlaybackService.OwnedRecordingView owned(@PathParam("kind") String kind, @PathParam("ownerId") UUID ownerId) {
        return playback.ownedRecordings(kind, ownerId, me.id());
    }

    /** Open at a flag's time: {@code ?at=2026-11-23T10:23:10Z} → the media second of each track. */
    @GET
    @Path("/attempts/{attemptId}/offset")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public PlaybackService.OffsetView offset(@PathParam("attemptId") UUID attemptId, @QueryParam("at") String at) {
        Instant instant;
        try {
            instant = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("OFFSET_AT_INVALID", "at must be an ISO instant such as 2026-11-23T10:23:10Z");
        }
        return playback.offsets(attemptId, instant, me.id());
    }

    @POST
    @Path("/{token}/tickets")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public PlaybackService.TicketView ticket(@PathParam("token") String token) {
        return playback.ticket(token, me.id());
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @Produces("video/webm")
    public Response recording(@PathParam("token") String token, @QueryParam("ticket") String ticket,
                              @HeaderParam("Range") String range) {
        return serve(playback.playable(token, ticket, bearer(), "recording"), range, "video/webm");
    }

    @GET
    @Path("/{token}/thumbnails.jpg")
    @PermitAll
    @Produces("image/jpeg")
    public Response sprite(@PathParam("token") String token, @QueryParam("ticket") String ticket) {
        return serve(playback.playable(token, ticket, bearer(), "thumbnails.jpg"), null, "image/jpeg");
    }

    @GET
    @Path("/{token}/thumbnails.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response index(@PathParam("token") String token, @QueryParam("ticket") String ticket) {
        return serve(playback.playable(token, ticket, bearer(), "thumbnails.json"), null, MediaType.APPLICATION_JSON);
    }

    private UUID bearer() {
        return me.isAnonymous() ? null : me.id();
    }

    private Response serve(PlaybackService.Playable p, String rangeHeader, String type) {
        long size = p.size();
        ByteRange range;
        try {
            range = ByteRange.parse(rangeHeader, size);
        } catch (IllegalArgumentException e) {
            return Response.status(416).header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes").build();
        }
        long start = range == null ? 0 : range.start();
        long length = range == null ? size : range.length();
        StreamingOutput body = out -> {
            long pos = start;
            long left = length;
            while (left > 0) {
                int n = (int) Math.min(BLOCK, left);
                byte[] block = storage.read(p.key(), pos, n);
                if (block.length == 0) break;
                out.write(block);
                pos += block.length;
                left -= block.length;
            }
        };
        Response.ResponseBuilder r = Response.status(range == null ? 200 : 206).entity(body).type(type)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", length)
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline");
        if (range != null) r.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
        return r.build();
    }

    /** One byte range of a Range header; several ranges are answered with the first. */
    record ByteRange(long start, long length) {

        /** Null when there is no (usable) range header: the whole body is sent. Throws when unsatisfiable. */
        static ByteRange parse(String header, long size) {
            if (header == null || header.isBlank()) return null;
            String h = header.trim();
            if (!h.startsWith("bytes=")) return null; // unknown unit: ignore (RFC 9110 §14.2)
            String spec = h.substring(6).split(",")[0].trim();
            int dash = spec.indexOf('-');
            if (dash < 0) return null;
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            try {
                if (a.isEmpty()) { // suffix: the last b bytes
                    long suffix = Long.parseLong(b);
                    if (suffix <= 0 || size == 0) throw new IllegalArgumentException("unsatisfiable");
                    long n = Math.min(suffix, size);
                    return new ByteRange(size - n, n);
                }
                long first = Long.parseLong(a);
                long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (first >= size || last < first) throw new IllegalArgumentException("unsatisfiable");
                return new ByteRange(first, last - first + 1);
            } catch (NumberFormatException e) {
                return null; // a malformed range is ignored
            }
        }
    }
}
