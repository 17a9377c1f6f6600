package io.cairn.touchpoint.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TouchpointEditsTest {

    @Test
    void aRankFallsBetweenTheNewNeighboursOrIsNaNWhenThereIsNoRoom() {
        List<Double> ranks = List.of(1024.0, 2048.0, 3072.0);
        assertThat(TouchpointEdits.rankAt(List.of(), 0)).isEqualTo(1024.0);
        assertThat(TouchpointEdits.rankAt(ranks, 0)).isLessThan(1024.0);
        assertThat(TouchpointEdits.rankAt(ranks, 1)).isEqualTo(1536.0);
        assertThat(TouchpointEdits.rankAt(ranks, 3)).isGreaterThan(3072.0);
        assertThat(TouchpointEdits.rankAt(ranks, 99)).isGreaterThan(3072.0);
        assertThat(TouchpointEdits.rankAt(List.of(1.0, 1.0 + 1e-9), 1)).isNaN();
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndImportanceIsEitherSetOrDerived() {
        TouchpointFields created = TouchpointEdits.create(new TouchpointInput(" Gate ", null, Channel.STORE, "ops",
                null, null, null, 7, null, Map.of(Metric.CSAT, 80.0), List.of(" Queues "), null, null));
        assertThat(created.name()).isEqualTo("Gate");
        assertThat(created.painPoints()).containsExactly("Queues");
        assertThat(created.importance()).isEqualTo(7);

        TouchpointFields derived = TouchpointEdits.merge(created, new TouchpointInput(null, "", null, null, null, null,
                null, null, true, null, null, null, null));
        assertThat(derived.importance()).isNull();
        assertThat(derived.importanceDerived()).isTrue();
        assertThat(derived.description()).isNull();
        assertThat(derived.ownerTeam()).isEqualTo("ops");

        TouchpointFields fixed = TouchpointEdits.merge(derived, new TouchpointInput(null, null, null, null, null, null,
                null, 3, null, null, null, null, null));
        assertThat(fixed.importance()).isEqualTo(3);
        assertThat(fixed.importanceDerived()).isFalse();

        assertThatThrownBy(() -> TouchpointEdits.merge(created, new TouchpointInput(null, null, null, null, null, null,
                null, null, null, Map.of(Metric.CES, 9.0), null, null, null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("CES").hasMessageContaining("1..7");
    }
}
