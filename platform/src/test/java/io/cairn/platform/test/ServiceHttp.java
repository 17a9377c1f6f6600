package io.cairn.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running service, with JSON helpers; one instance per base URL. */
public final class ServiceHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ServiceHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ServiceHttp localhost(int port) {
        return new ServiceHttp("http://localhost:" + port);
    }

    public Response get(String path, String authorization, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return send(request, authorization, headers);
    }

    public Response get(String path, String authorization) {
        return get(path, authorization, Map.of());
    }

    public Response post(String path, String authorization, Object body) {
        return post(path, authorization, body, Map.of());
    }

    public Response post(String path, String authorization, Object body, Map<String, String> headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, authorization, headers);
    }

    /** Any method, with an optional JSON body (null for none). */
    public Response send(String method, String path, String authorization, Object body) {
        return send(method, path, authorization, body, "application/json");
    }

    /** Any method with a body of the given content type (a String body is sent as it is). */
    public Response send(String method, String path, String authorization, Object body, String contentType) {
        return send(method, path, authorization, body, contentType, Map.of());
    }

    public Response send(String method, String path, String authorization, Object body, String contentType,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        return send(request, authorization, headers);
    }

    /** A multipart/form-data POST: each part a name, a content type and the bytes (a file part gets a filename). */
    public Response postMultipart(String path, String authorization, java.util.List<Part> parts) {
        String boundary = "cairn" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            String disposition = "form-data; name=\"" + part.name() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
                    + part.contentType() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request, authorization, Map.of());
    }

    /** One part of a multipart request. */
    public record Part(String name, String filename, String contentType, byte[] content) {

        public static Part json(String name, Object value) {
            return new Part(name, null, "application/json", JSON.writeValueAsBytes(value));
        }

        public static Part file(String name, String filename, String contentType, byte[] content) {
            return new Part(name, filename, contentType, content);
        }
    }

    private Response send(HttpRequest.Builder request, String authorization, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with the body readable as JSON. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
