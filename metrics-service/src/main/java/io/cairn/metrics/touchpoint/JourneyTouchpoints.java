package io.cairn.metrics.touchpoint;

import io.cairn.metrics.analysis.TouchpointInfo;
import io.cairn.platform.web.ApiException;
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
 * touchpoint created or restored a moment ago is accepted at once, unless the last read is younger than
 * {@code recheck}: a stream of lines answering a touchpoint nobody made asks at most that often. A deleted
 * touchpoint is refused once the kept ids have aged out.
 */
@Component
public class JourneyTouchpoints {

    /**
     * The journey's touchpoints could not be read (touchpoint-service down, or refusing the caller's token): the
     * status and code are touchpoint-service's failure's, so a stream of answers stops rather than refusing lines
     * that may be right.
     */
    public static final class LookupFailed extends ApiException {

        LookupFailed(ApiException cause) {
            super(cause.status(), cause.code(), cause.getMessage(), cause.properties());
        }
    }

    private record Known(Set<String> ids, long readAt) {
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
     * has them all. Asks touchpoint-service (with the caller's token) when needed (see above); {@link LookupFailed}
     * when it cannot.
     */
    public Set<String> unknown(String journeyId, Collection<String> touchpointIds) {
        long now = nanoTime.getAsLong();
        Known kept = known.get(journeyId);
        if (kept == null || now - kept.readAt() > keepNanos
                || (!kept.ids().containsAll(touchpointIds) && now - kept.readAt() >= recheckNanos)) {
            try {
                kept = new Known(client.ofJourney(journeyId).stream().map(TouchpointInfo::id)
                        .collect(Collectors.toUnmodifiableSet()), now);
            } catch (ApiException e) {
                throw new LookupFailed(e);
            }
            known.put(journeyId, kept);
        }
        Set<String> have = kept.ids();
        return touchpointIds.stream().filter(id -> !have.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
