package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to a running guestbook over HTTP, as a client outside the application would:
 * form posts encoded as a browser encodes them, JSON bodies written by Jackson.
 */
final class GuestbookHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    GuestbookHttp(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    URI base() {
        return base;
    }

    /** {@code POST /entries} as {@code application/x-www-form-urlencoded}; a redirect is not followed. */
    HttpResponse<String> postForm(String name, String message) {
        String body = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve("entries"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /api/entries} with the JSON object {@code {"name": ..., "message": ...}}. */
    HttpResponse<String> postJson(String name, String message) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("message", message);
        return postJson(JSON.writeValueAsString(entry));
    }

    /** {@code POST /api/entries} with the body as given. */
    HttpResponse<String> postJson(String json) {
        return send(HttpRequest.newBuilder(base.resolve("api/entries"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** The body parsed as a JSON tree, for assertions on its fields. */
    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request to the guestbook failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
