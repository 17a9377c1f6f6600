package io.cairn.metrics.webhook;

import io.cairn.platform.web.ApiException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions for case events, and their delivery log. Admins. */
@RestController
public class WebhookController {

    private final MongoTemplate mongo;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    public WebhookController(MongoTemplate mongo, WebhookDispatcher dispatcher, Clock clock) {
        this.mongo = mongo;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @PostMapping("/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    WebhookSubscription.View create(@Valid @RequestBody WebhookSubscription.Input input, Authentication user) {
        return mongo.insert(new WebhookSubscription(UUID.randomUUID().toString(), input.url(), input.secret(),
                input.team() == null || input.team().isBlank() ? null : input.team().trim(),
                input.language() == null ? "en" : input.language(), user.getName(), clock.instant())).view();
    }

    @GetMapping("/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    List<WebhookSubscription.View> list() {
        return mongo.findAll(WebhookSubscription.class).stream().map(WebhookSubscription::view).toList();
    }

    @DeleteMapping("/webhooks/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookSubscription.class).getDeletedCount() == 0) {
            throw ApiException.notFound("Webhook", id);
        }
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @PreAuthorize("hasRole('ADMIN')")
    List<Delivery> deliveries(@PathVariable String id) {
        return dispatcher.deliveries(id);
    }
}
