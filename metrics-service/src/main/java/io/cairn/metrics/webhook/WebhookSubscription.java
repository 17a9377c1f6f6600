package io.cairn.metrics.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A receiver of case events. Each delivery is signed: header {@code X-Cairn-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the body with {@code secret} (never returned by the API), so the receiver can check it.
 */
@Document("webhooks")
public record WebhookSubscription(@Id String id, String url, String secret, String team, String createdBy,
        Instant createdAt) {

    /** A new subscription; {@code team} limits it to the cases of one owning team (null: all). */
    public record Input(@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "{cairn.validation.httpUrl}") String url,
            @NotBlank @Size(min = 16, max = 200) String secret, @Size(max = 100) String team) {
    }

    /** What the API shows of a subscription: never the secret. */
    public record View(String id, String url, String team, String createdBy, Instant createdAt) {
    }

    public View view() {
        return new View(id, url, team, createdBy, createdAt);
    }
}
