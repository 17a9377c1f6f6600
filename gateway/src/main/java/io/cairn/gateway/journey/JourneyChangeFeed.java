package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live changes of one journey for a subscriber. The services are the source of truth and may run in
 * several replicas, so the feed watches them: every poll interval it reads the journey and its
 * touchpoints (with the subscriber's token, so they see only what they may) and emits when either
 * differs from what it saw last. A service that is briefly down skips a beat; a deleted journey ends
 * the feed with a last change whose journey is null.
 */
@Component
public class JourneyChangeFeed {

    private final JourneyClient journeys;
    private final TouchpointClient touchpoints;
    private final Duration interval;

    public JourneyChangeFeed(JourneyClient journeys, TouchpointClient touchpoints,
            @Value("${cairn.subscriptions.poll-interval:1s}") Duration interval) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.interval = interval;
    }

    public Flux<JourneyChange> changes(String journeyId) {
        return Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> snapshot(journeyId), 1)
                .distinctUntilChanged(Snapshot::fingerprint)
                .skip(1)
                .takeUntil(snapshot -> snapshot.journey() == null)
                .map(snapshot -> snapshot.toChange(journeyId));
    }

    private Mono<Snapshot> snapshot(String journeyId) {
        return journeys.get(journeyId)
                .flatMap(journey -> touchpoints.ofJourneys(List.of(journeyId)).map(list -> new Snapshot(journey, list)))
                .defaultIfEmpty(new Snapshot(null, List.of()))
                .onErrorResume(DownstreamException.class, e -> Mono.empty());
    }

    record Snapshot(Journey journey, List<Touchpoint> touchpoints) {

        String fingerprint() {
            if (journey == null) {
                return "deleted";
            }
            StringBuilder print = new StringBuilder().append(journey.version());
            touchpoints.stream().sorted(Comparator.comparing(Touchpoint::id))
                    .forEach(t -> print.append('|').append(t.id()).append('@').append(t.version()));
            return print.toString();
        }

        JourneyChange toChange(String journeyId) {
            if (journey == null) {
                return new JourneyChange(journeyId, 0, null, null, null);
            }
            // the latest edit, of the journey or of one of its touchpoints
            Touchpoint latest = touchpoints.stream().max(Comparator.comparing(Touchpoint::updatedAt)).orElse(null);
            boolean touchpointLater = latest != null && latest.updatedAt().compareTo(journey.updatedAt()) > 0;
            return new JourneyChange(journeyId, journey.version(),
                    touchpointLater ? latest.updatedBy() : journey.updatedBy(),
                    touchpointLater ? latest.updatedAt() : journey.updatedAt(), journey);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Snapshot s && Objects.equals(fingerprint(), s.fingerprint());
        }

        @Override
        public int hashCode() {
            return fingerprint().hashCode();
        }
    }
}
