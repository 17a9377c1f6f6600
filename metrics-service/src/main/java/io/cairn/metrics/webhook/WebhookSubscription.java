package io.cairn.metrics.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import io.cairn.platform.web.Languages;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A receiver of case events. Each delivery is signed: header {@code X-Cairn-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the body with {@code secret} (never returned by the API), so the receiver can check it.
 */
@Document("webhooks")
public record WebhookSubscription(@Id String id, String url, String secret, String team, String language,
        String createdBy, Instant createdAt) {

    /**
     * A new subscription; {@code team} limits it to the cases of one owning team (null: all); {@code language}
     * (en, zh-CN, zh-TW; English when absent) is the one its {@code text} is written in.
     */
    public record Input(@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "{cairn.validation.httpUrl}")
            String url, @NotBlank @Size(min = 16, max = 200) String secret, @Size(max = 100) String team,
            @Pattern(regexp = Languages.TAG_PATTERN, message = "{cairn.validation.language}") String language) {
    }

    /** What the API shows of a subscription: never the secret. */
    public record View(String id, String url, String team, String language, String createdBy, Instant createdAt) {
    }

    public View view() {
        return new View(id, url, team, language(), createdBy, createdAt);
    }

    /** The language of the texts sent, English for subscriptions made before there was a choice. */
    @Override
    public String language() {
        return language == null ? "en" : language;
    }
}
