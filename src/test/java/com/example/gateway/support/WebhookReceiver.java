package com.example.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A real webhook receiver in the test JVM (the JDK's HTTP server on a free loopback port): each inbox
 * has its own URL, records every request exactly as it arrived and answers as scripted (200 when
 * nothing is scripted).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived (header names in lower case, the body's bytes untouched) and the status it was answered. */
    public record Received(Map<String, List<String>> headers, byte[] body, Instant at, int answered) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public String webhookId() {
            return header("webhook-id");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: a status, optionally a Retry-After, optionally after a delay. */
    public record Answer(int status, String retryAfter, Duration delay) {

        public static Answer of(int status) {
            return new Answer(status, null, Duration.ZERO);
        }
    }

    /** One receiving URL. */
    public final class Inbox {

        private final String path = "/hooks/" + UUID.randomUUID();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Deque<Answer> script = new ArrayDeque<>();
        private volatile Answer otherwise = Answer.of(200);

        public String url() {
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        /** The next requests get these answers, in order; then {@link #otherwise}. */
        public synchronized Inbox script(Answer... answers) {
            script.addAll(List.of(answers));
            return this;
        }

        public Inbox otherwise(Answer answer) {
            otherwise = answer;
            return this;
        }

        private synchronized Answer next() {
            return script.isEmpty() ? otherwise : script.poll();
        }
    }

    private final HttpServer server;
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    public Inbox inbox() {
        Inbox inbox = new Inbox();
        inboxes.put(inbox.path, inbox);
        return inbox;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Inbox inbox = inboxes.get(exchange.getRequestURI().getPath());
            if (inbox == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Instant at = Instant.now();
            Answer answer = inbox.next();
            inbox.received.add(new Received(headers, exchange.getRequestBody().readAllBytes(), at, answer.status()));
            LockSupport.parkNanos(answer.delay().toNanos());
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
