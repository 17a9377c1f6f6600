package io.cairn.platform.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for a Cairn service: answers what a test tells it to and records
 * every request it received.
 */
public final class FakeService implements AutoCloseable {

    public record Request(String method, String uri, String authorization, String traceparent, String body,
            Map<String, String> headers) {

        /** A request header (first value), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public record Reply(int status, String contentType, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.function.Function<Request, Reply>> replies = new ConcurrentHashMap<>();
    // daemon threads, shut down on close: idle pool threads must not keep a test JVM alive
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-service");
        thread.setDaemon(true);
        return thread;
    });

    public FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String uri = exchange.getRequestURI().toString();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            Request request = new Request(method, uri, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("traceparent"), body, headers);
            requests.add(request);
            Reply reply = reply(method + " " + exchange.getRequestURI().getRawPath()).apply(request);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        // a slow reply must not hold up the others
        server.setExecutor(executor);
        server.start();
    }

    private java.util.function.Function<Request, Reply> reply(String request) {
        java.util.function.Function<Request, Reply> exact = replies.get(request);
        if (exact != null) {
            return exact;
        }
        return replies.entrySet().stream()
                .filter(e -> request.matches(java.util.regex.Pattern.quote(e.getKey()).replace("*", "\\E[^/]+\\Q")))
                .map(Map.Entry::getValue).findFirst()
                .orElse(any -> new Reply(404, "application/problem+json",
                        "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no such path\"}", 0));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answer {@code method path} (path without query; {@code *} stands for one segment) with this status and JSON body. */
    public void reply(String method, String path, int status, String json) {
        replyAfter(0, method, path, status, json);
    }

    /** Like {@link #reply}, answering only after {@code delayMillis} (a slow service). */
    public void replyAfter(long delayMillis, String method, String path, int status, String json) {
        Reply reply = new Reply(status, status >= 400 ? "application/problem+json" : "application/json", json, delayMillis);
        replies.put(method + " " + path, any -> reply);
    }

    /** Answer {@code method path} with what {@code answer} makes of each request (e.g. by its query). */
    public void replyWith(String method, String path, java.util.function.Function<Request, Reply> answer) {
        replies.put(method + " " + path, answer);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
        replies.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
