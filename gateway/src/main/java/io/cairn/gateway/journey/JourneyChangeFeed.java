package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live changes of one journey for its subscribers. The services are the source of truth and may run in
 * several replicas, so the feed watches them: every poll interval it reads the journey and its
 * touchpoints. When either differs from what it saw last, it reads their histories since then and emits
 * every applied change on its own, oldest first (several may have happened within one interval), each with
 * its operation and author. A service that is briefly down skips a beat; when a history cannot be read, the
 * change is emitted as one event with the latest author. A deleted journey ends the feed with a last change
 * whose journey is null.
 *
 * <p>The subscribers of one journey share one watch (two reads per interval however many there are), which
 * reads with the token of one of them: every role that may subscribe (viewer and up) reads the same journey,
 * touchpoints and histories. Each subscription ends with an UNAUTHORIZED error when its own token expires, so a
 * subscriber never goes on receiving on the strength of someone else's token; the last one to leave stops the
 * watch.
 */
@Component
public class JourneyChangeFeed {

    /** Revisions read per journey or touchpoint and interval; more changes than that in one interval are summed up. */
    static final int MAX_CHANGES = 100;
    /** Changes kept for a subscriber that does not keep up before its oldest are dropped. */
    static final int MAX_BEHIND = 1_000;

    private final JourneyClient journeys;
    private final TouchpointClient touchpoints;
    private final Duration interval;
    private final ConcurrentMap<String, Watch> watches = new ConcurrentHashMap<>();

    public JourneyChangeFeed(JourneyClient journeys, TouchpointClient touchpoints,
            @Value("${cairn.subscriptions.poll-interval:1s}") Duration interval, ObjectProvider<MeterRegistry> meters) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.interval = interval;
        meters.ifAvailable(registry -> {
            Gauge.builder("cairn.subscriptions.journeys", this, JourneyChangeFeed::watched)
                    .description("Journeys watched for live changes (one watch each, however many subscribers)").register(registry);
            Gauge.builder("cairn.subscriptions.subscribers", this, JourneyChangeFeed::subscribers)
                    .description("Open journeyChanged subscriptions").register(registry);
        });
    }

    /** The changes of a journey from now on, for the subscriber whose authentication is in the Reactor context. */
    public Flux<JourneyChange> changes(String journeyId) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .flatMapMany(authentication -> {
                    Subscriber subscriber = new Subscriber(authentication);
                    Watch watch = watches.compute(journeyId, (id, existing) -> {
                        Watch joined = existing == null ? new Watch(journeyId) : existing;
                        joined.subscribers.add(subscriber);
                        return joined;
                    });
                    // a subscriber that does not keep up loses its oldest changes, never holds up the others
                    return watch.changes.onBackpressureBuffer(MAX_BEHIND, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                            .mergeWith(subscriber.expiry())
                            // the last change of a deleted journey ends it (the expiry alone would not)
                            .takeUntil(change -> change.journey() == null)
                            .doFinally(signal -> {
                                watch.subscribers.remove(subscriber);
                                watches.computeIfPresent(journeyId,
                                        (id, current) -> current == watch && current.subscribers.isEmpty() ? null : current);
                            });
                });
    }

    /** Journeys watched right now: one watch per journey, however many subscribers. */
    public int watched() {
        return watches.size();
    }

    /** Open subscriptions, over every watched journey. */
    public int subscribers() {
        return watches.values().stream().mapToInt(w -> w.subscribers.size()).sum();
    }

    /** One subscription: its authentication, whose token the watch may read with until it expires. */
    private static final class Subscriber {

        private final Authentication authentication;
        private final Instant expiresAt;

        Subscriber(Authentication authentication) {
            this.authentication = authentication;
            this.expiresAt = authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                    && token.getToken().getExpiresAt() != null ? token.getToken().getExpiresAt() : Instant.MAX;
        }

        /** Nothing until the token expires, then the error that ends this subscription (never for a token without expiry). */
        Mono<JourneyChange> expiry() {
            if (expiresAt.equals(Instant.MAX)) {
                return Mono.never();
            }
            Duration left = Duration.between(Instant.now(), expiresAt);
            return Mono.delay(left.isNegative() ? Duration.ZERO : left).then(Mono.error(
                    new CredentialsExpiredException("The token has expired; subscribe again with a new one")));
        }
    }

    /** The shared watch of one journey. */
    private final class Watch {

        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        final Flux<JourneyChange> changes;

        Watch(String journeyId) {
            this.changes = Flux.interval(Duration.ZERO, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> asSubscriber(Mono.defer(() -> snapshot(journeyId))), 1)
                    .distinctUntilChanged(Snapshot::fingerprint)
                    .buffer(2, 1)
                    .filter(pair -> pair.size() == 2)
                    .concatMap(pair -> asSubscriber(Mono.defer(() -> between(journeyId, pair.get(0), pair.get(1)).collectList()))
                            .flatMapIterable(list -> list), 1)
                    .takeUntil(change -> change.journey() == null)
                    .publish()
                    .refCount();
        }

        /** Reads with the token of the subscriber whose token lasts longest; none left: skips the beat. */
        private <T> Mono<T> asSubscriber(Mono<T> read) {
            Instant now = Instant.now();
            return subscribers.stream().filter(s -> s.expiresAt.isAfter(now)).max(Comparator.comparing(s -> s.expiresAt))
                    .map(s -> read.contextWrite(ReactiveSecurityContextHolder.withAuthentication(s.authentication)))
                    .orElse(Mono.empty());
        }
    }

    /** The changes that took {@code before} to {@code now}, oldest first. */
    private Flux<JourneyChange> between(String journeyId, Snapshot before, Snapshot now) {
        if (now.journey() == null) {
            return Flux.just(now.toChange(journeyId));
        }
        long journeyVersion = now.journey().version();
        List<Mono<List<JourneyChange>>> histories = new ArrayList<>();
        long seen = before.journey() == null ? 0 : before.journey().version();
        if (journeyVersion != seen) {
            Journey journey = now.journey();
            histories.add(journeys.revisions(journeyId, 0, (int) Math.min(MAX_CHANGES, Math.max(1, journeyVersion - seen)))
                    .map(page -> since(page, seen, rev -> new JourneyChange(journeyId, rev.number(), rev.actor(), rev.at(),
                            rev.operation(), null, journey)))
                    .onErrorResume(DownstreamException.class, e -> Mono.just(List.of(new JourneyChange(journeyId, journeyVersion,
                            journey.updatedBy(), journey.updatedAt(), null, null, journey)))));
        }
        Map<String, Touchpoint> earlier = before.byId();
        Map<String, Touchpoint> later = now.byId();
        Set<String> touched = new TreeSet<>(earlier.keySet());
        touched.addAll(later.keySet());
        touched.removeIf(id -> earlier.containsKey(id) && later.containsKey(id) && earlier.get(id).version() == later.get(id).version());
        for (String id : touched) {
            long from = earlier.containsKey(id) ? earlier.get(id).version() : 0;
            Touchpoint current = later.get(id);
            long to = current == null ? from + 1 : current.version();
            // without its history (a deleted touchpoint's may be gone): one change, by its last author where known
            JourneyChange summed = new JourneyChange(journeyId, journeyVersion, current == null ? null : current.updatedBy(),
                    current == null ? null : current.updatedAt(), current == null ? "DELETE" : null, id, now.journey());
            histories.add(touchpoints.revisions(id, 0, (int) Math.min(MAX_CHANGES, Math.max(1, to - from)))
                    .map(page -> since(page, from, rev -> new JourneyChange(journeyId, journeyVersion, rev.actor(), rev.at(),
                            rev.operation(), id, now.journey())))
                    .onErrorResume(DownstreamException.class, e -> Mono.just(List.of(summed))));
        }
        return Flux.concat(histories).collectList()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .sorted(Comparator.comparing((JourneyChange c) -> c.at() == null ? "" : c.at())).toList())
                .flatMapMany(changes -> changes.isEmpty() ? Flux.just(now.toChange(journeyId)) : Flux.fromIterable(changes));
    }

    /** The revisions of a page newer than {@code version}, oldest first. */
    private static List<JourneyChange> since(RevisionPage page, long version,
            Function<RevisionPage.Revision, JourneyChange> change) {
        return page.items().stream().filter(rev -> rev.number() > version)
                .sorted(Comparator.comparingLong(RevisionPage.Revision::number)).map(change).toList();
    }

    private Mono<Snapshot> snapshot(String journeyId) {
        return journeys.get(journeyId)
                .flatMap(journey -> touchpoints.ofJourneys(List.of(journeyId)).map(list -> new Snapshot(journey, list)))
                .defaultIfEmpty(new Snapshot(null, List.of()))
                .onErrorResume(DownstreamException.class, e -> Mono.empty());
    }

    record Snapshot(Journey journey, List<Touchpoint> touchpoints) {

        /** The touchpoints by id. */
        Map<String, Touchpoint> byId() {
            Map<String, Touchpoint> byId = new HashMap<>();
            touchpoints.forEach(t -> byId.put(t.id(), t));
            return byId;
        }

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
                return new JourneyChange(journeyId, 0, null, null, null, null, null);
            }
            // the latest edit, of the journey or of one of its touchpoints
            Touchpoint latest = touchpoints.stream().max(Comparator.comparing(Touchpoint::updatedAt)).orElse(null);
            boolean touchpointLater = latest != null && latest.updatedAt().compareTo(journey.updatedAt()) > 0;
            return new JourneyChange(journeyId, journey.version(),
                    touchpointLater ? latest.updatedBy() : journey.updatedBy(),
                    touchpointLater ? latest.updatedAt() : journey.updatedAt(), null, touchpointLater ? latest.id() : null, journey);
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
