package dev.htmlescape.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A real HTTP client against a test server on loopback. */
final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** {@code name=value&...}, URL-encoded, from alternating names and values. */
    static String form(String... namesAndValues) {
        StringJoiner joined = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            joined.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return joined.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpResponse<String> get(String pathAndQuery, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    HttpResponse<String> postForm(String path, String... namesAndValues) {
        return post(path, "application/x-www-form-urlencoded", form(namesAndValues));
    }

    /** A multipart request with one JSON part and one file part. */
    HttpResponse<String> postMultipart(String path, String jsonPartName, String json, String filePartName,
            String fileName, String fileContent) {
        String boundary = "htmlescape-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + jsonPartName + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + json + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + filePartName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + fileContent + "\r\n"
                + "--" + boundary + "--\r\n";
        return post(path, "multipart/form-data; boundary=" + boundary, body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
