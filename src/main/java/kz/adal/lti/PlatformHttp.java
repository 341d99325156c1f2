package kz.adal.lti;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.Problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP to a platform: its JWKS, token endpoint and services. Failures are one problem, LTI_PLATFORM_UNREACHABLE. */
@ApplicationScoped
public class PlatformHttp {
    private final HttpClient client;
    private final LtiConfig config;

    PlatformHttp(LtiConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.httpTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A GET answered 200, its body. */
    String getJson(String url, String accept, String bearer) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout()).header("Accept", accept).GET();
        if (bearer != null) r.header("Authorization", "Bearer " + bearer);
        return send(r.build(), url);
    }

    /** A page of a paged GET (NRPS): its body and the next page's address from {@code Link: <…>; rel="next"}, or null. */
    record Page(String body, String next) {}

    Page getPage(String url, String accept, String bearer) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout()).header("Accept", accept)
                .header("Authorization", "Bearer " + bearer).GET().build();
        HttpResponse<String> response = exchange(r, url);
        String next = null;
        for (String link : response.headers().allValues("Link")) {
            for (String part : link.split(",")) {
                java.util.regex.Matcher m = NEXT.matcher(part);
                if (m.find()) next = m.group(1);
            }
        }
        return new Page(response.body(), next);
    }

    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** A form POST (the token endpoint) answered 200, its body. */
    String postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), url);
    }

    /** A JSON POST with a bearer token (AGS scores) answered 2xx. */
    String postJson(String url, String contentType, String json, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout()).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(json)).build(), url);
    }

    private String send(HttpRequest request, String url) {
        return exchange(request, url).body();
    }

    private HttpResponse<String> exchange(HttpRequest request, String url) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform answered " + r.statusCode() + " at " + url);
            }
            return r;
        } catch (IOException e) {
            throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform could not be reached at " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform could not be reached at " + url);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
