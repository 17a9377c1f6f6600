package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live changes of one journey for a subscriber. The services are the source of truth and may run in
 * several replicas, so the feed watches them: every poll interval it reads the journey and its
 * touchpoints (with the subscriber's token, so they see only what they may). When either differs from
 * what it saw last, it reads their histories since then and emits every applied change on its own, oldest
 * first (several may have happened within one interval), each with its operation and author. A service
 * that is briefly down skips a beat; when a history cannot be read, the change is emitted as one event with
 * the latest author. A deleted journey ends the feed with a last change whose journey is null.
 */
@Component
public class JourneyChangeFeed {

    /** Revisions read per journey or touchpoint and interval; more changes than that in one interval are summed up. */
    static final int MAX_CHANGES = 100;

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
                .buffer(2, 1)
                .filter(pair -> pair.size() == 2)
                .concatMap(pair -> between(journeyId, pair.get(0), pair.get(1)), 1)
                .takeUntil(change -> change.journey() == null);
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
