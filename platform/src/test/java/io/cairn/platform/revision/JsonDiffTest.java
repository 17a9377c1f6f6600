package io.cairn.platform.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    record Stage(String id, String name) {
    }

    record Doc(String name, List<String> tags, List<Stage> stages, long version) {
    }

    @Test
    void listsOfIdentifiedObjectsAreMatchedByIdSoRenamesAdditionsRemovalsAndOrderAreSeparate() {
        Doc before = new Doc("Trip", List.of("a"), List.of(new Stage("s1", "Book"), new Stage("s2", "Fly"), new Stage("s3", "Land")), 1);
        Doc after = new Doc("Trip", List.of("a"), List.of(new Stage("s2", "Fly"), new Stage("s1", "Reserve"), new Stage("s4", "Home")), 2);

        List<Change> changes = JsonDiff.between(before, after, Set.of("version"));

        assertThat(changes).containsExactly(
                new Change("stages[id=s1].name", "Book", "Reserve"),
                new Change("stages[id=s3]", Map.of("id", "s3", "name", "Land"), null),
                new Change("stages[id=s4]", null, Map.of("id", "s4", "name", "Home")),
                new Change("stages.order", List.of("s1", "s2"), List.of("s2", "s1")));
    }

    @Test
    void plainValuesAndListsCompareWholeAndIgnoredFieldsAreSkipped() {
        Doc before = new Doc("Trip", List.of("a", "b"), List.of(), 1);
        Doc after = new Doc("Trip 2", List.of("b", "a"), List.of(new Stage("s1", "Book")), 9);

        assertThat(JsonDiff.between(before, after, Set.of("version"))).containsExactly(
                new Change("name", "Trip", "Trip 2"),
                new Change("tags", List.of("a", "b"), List.of("b", "a")),
                new Change("stages[id=s1]", null, Map.of("id", "s1", "name", "Book")));
        assertThat(JsonDiff.between(before, before, Set.of())).isEmpty();
        assertThat(JsonDiff.between(null, before, Set.of("version", "stages")))
                .containsExactly(new Change("name", null, "Trip"), new Change("tags", null, List.of("a", "b")));
    }
}
