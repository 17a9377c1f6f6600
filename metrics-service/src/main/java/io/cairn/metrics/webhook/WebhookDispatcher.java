package io.cairn.metrics.webhook;

import io.cairn.metrics.kase.Case;
import io.cairn.metrics.kase.CaseWording;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends case events to the subscribed webhooks as JSON with a Slack-compatible {@code text}, signed with
 * HMAC-SHA256, in the background; a failed delivery is retried with growing pauses and every attempt is
 * logged ({@link Delivery}). What is to be sent waits in an outbox collection ({@value #OUTBOX}) until it is
 * delivered or given up, so a restart loses no event and no retry: every replica drains the outbox, each item
 * claimed for a while by the one sending it (a claim left by a stopped process runs out).
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String SIGNATURE_HEADER = "X-Cairn-Signature";
    static final String OUTBOX = "webhook_outbox";
    /** How long a replica has to send an item it claimed before another may. */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final List<Duration> backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final JsonMapper json = JsonMapper.builder().build();

    public WebhookDispatcher(MongoTemplate mongo, Clock clock,
            @Value("${cairn.webhooks.backoff:1s,5s,30s,2m,10m}") List<Duration> backoff,
            @Value("${cairn.webhooks.poll-interval:1s}") Duration pollInterval) {
        this.mongo = mongo;
        this.clock = clock;
        this.backoff = backoff;
        mongo.indexOps(OUTBOX).createIndex(new Index()
                .on("dueAt", Sort.Direction.ASC));
        // what is due, now and then: retries, and what a stopped process left
        scheduler.scheduleWithFixedDelay(this::drain, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Queues {@code event} (e.g. case.opened) of {@code kase} for every matching subscription, its text in the
     * subscription's language (one body per language).
     */
    public void publish(String event, Case kase, String actor) {
        String at = clock.instant().toString();
        Map<String, byte[]> bodies = new java.util.HashMap<>();
        Query matching = Query.query(new Criteria().orOperator(Criteria.where("team").isNull(),
                Criteria.where("team").is(kase.ownerTeam())));
        for (WebhookSubscription subscription : mongo.find(matching, WebhookSubscription.class)) {
            byte[] body = bodies.computeIfAbsent(subscription.language(), language -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("text", CaseWording.event(event, kase, actor, Locale.forLanguageTag(language)));
                payload.put("event", event);
                payload.put("actor", actor);
                payload.put("at", at);
                payload.put("language", language);
                payload.put("case", kase);
                return json.writeValueAsBytes(payload);
            });
            mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("webhookId", subscription.id())
                    .append("event", event).append("caseId", kase.id()).append("body", new Binary(body))
                    .append("attempt", 1).append("dueAt", Date.from(clock.instant())), OUTBOX);
        }
        scheduler.execute(this::drain);
    }

    /** Sends every outbox item that is due, one at a time, each claimed first. */
    void drain() {
        try {
            for (Document item = claim(); item != null; item = claim()) {
                send(item);
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries paused until the next look: {}", e.getMessage());
        }
    }

    private Document claim() {
        Date now = Date.from(clock.instant());
        Query due = Query.query(Criteria.where("dueAt").lte(now).orOperator(Criteria.where("claimedUntil").isNull(),
                Criteria.where("claimedUntil").lt(now))).with(Sort.by("dueAt"));
        return mongo.findAndModify(due, new Update()
                .set("claimedUntil", Date.from(clock.instant().plus(CLAIM))),
                FindAndModifyOptions.options().returnNew(true),
                Document.class, OUTBOX);
    }

    private void send(Document item) {
        Query self = Query.query(Criteria.where("_id").is(item.getString("_id")));
        WebhookSubscription subscription = mongo.findById(item.getString("webhookId"), WebhookSubscription.class);
        if (subscription == null) {
            mongo.remove(self, OUTBOX); // unsubscribed meanwhile
            return;
        }
        int attempt = item.getInteger("attempt");
        boolean delivered = deliver(subscription, item.getString("event"), item.getString("caseId"),
                item.get("body", Binary.class).getData(), attempt);
        if (delivered || attempt > backoff.size()) {
            mongo.remove(self, OUTBOX);
            if (!delivered) {
                log.warn("Gave up delivering {} of case {} to webhook {} after {} attempts", item.getString("event"),
                        item.getString("caseId"), subscription.id(), attempt);
            }
        } else {
            mongo.updateFirst(self, new Update().set("attempt", attempt + 1)
                    .set("dueAt", Date.from(clock.instant().plus(backoff.get(attempt - 1)))).unset("claimedUntil"), OUTBOX);
        }
    }

    /** One attempt, logged; answers whether the subscriber took it. */
    private boolean deliver(WebhookSubscription subscription, String event, String caseId, byte[] body, int attempt) {
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(subscription.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Cairn-Event", event)
                    .header(SIGNATURE_HEADER, "sha256=" + sign(subscription.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        mongo.insert(new Delivery(UUID.randomUUID().toString(), subscription.id(), event, caseId, attempt, status, error,
                delivered, clock.instant()));
        return delivered;
    }

    public List<Delivery> deliveries(String webhookId) {
        return mongo.find(Query.query(Criteria.where("webhookId").is(webhookId))
                .with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(200), Delivery.class);
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
