package io.cairn.metrics.touchpoint;

import io.cairn.metrics.analysis.TouchpointInfo;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which touchpoints each journey has, so that answers to a touchpoint the journey does not have are refused
 * instead of counted where no map shows them (a typo in an integration, an export mapped onto the wrong
 * journey). A journey's ids are kept for {@code keep}: its touchpoints change seldom next to the answers it
 * takes, and a bulk stream must not ask once per line. An id missing from them is looked up again, so a
 * touchpoint created a moment ago is accepted at once, unless that read already found it missing (ids are made
 * by touchpoint-service, so an id it did not know does not appear later) or the last read is younger than
 * {@code recheck} (a stream of bad ids asks at most that often). A deleted touchpoint is refused once the kept
 * ids have aged out.
 */
@Component
public class JourneyTouchpoints {

    private record Known(Set<String> ids, Set<String> missing, long readAt) {
    }

    private final TouchpointClient client;
    private final long keepNanos;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

    @Autowired
    public JourneyTouchpoints(TouchpointClient client, @Value("${cairn.metrics.touchpoint-ids.keep:60s}") Duration keep,
            @Value("${cairn.metrics.touchpoint-ids.recheck:100ms}") Duration recheck) {
        this(client, keep, recheck, System::nanoTime);
    }

    JourneyTouchpoints(TouchpointClient client, Duration keep, Duration recheck, LongSupplier nanoTime) {
        this.client = client;
        this.keepNanos = keep.toNanos();
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The ids among {@code touchpointIds} that the journey has no touchpoint for, in their order; empty when it
     * has them all. Asks touchpoint-service (with the caller's token) when needed (see above); an
     * {@code ApiException} 503 when it cannot be asked.
     */
    public Set<String> unknown(String journeyId, Collection<String> touchpointIds) {
        long now = nanoTime.getAsLong();
        Known kept = known.get(journeyId);
        Set<String> missing = kept == null ? Set.copyOf(touchpointIds) : missing(kept.ids(), touchpointIds);
        boolean read = kept == null || now - kept.readAt() > keepNanos
                || (!missing.isEmpty() && !kept.missing().containsAll(missing) && now - kept.readAt() >= recheckNanos);
        if (read) {
            Set<String> ids = client.ofJourney(journeyId).stream().map(TouchpointInfo::id).collect(Collectors.toUnmodifiableSet());
            missing = missing(ids, touchpointIds);
            known.put(journeyId, new Known(ids, Set.copyOf(missing), now));
        }
        return missing;
    }

    private static Set<String> missing(Set<String> ids, Collection<String> touchpointIds) {
        return touchpointIds.stream().filter(id -> !ids.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
