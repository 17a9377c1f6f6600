package io.cairn.metrics.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One attempt to deliver an event to a subscriber: the delivery log. */
@Document("webhook_deliveries")
public record Delivery(@Id String id, String webhookId, String event, String caseId, int attempt, Integer status,
        String error, boolean delivered, Instant at) {
}
