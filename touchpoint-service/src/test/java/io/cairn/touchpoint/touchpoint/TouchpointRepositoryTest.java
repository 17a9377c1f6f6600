package io.cairn.touchpoint.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cairn.platform.mongo.EmbeddedMongoServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The journey reads kept between writes, with two replicas sharing one database. */
class TouchpointRepositoryTest {

    static EmbeddedMongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.memory("127.0.0.1", 0);
        client = MongoClients.create(server.connectionString("touchpoints"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static Touchpoint touchpoint(String id, String journeyId, String name, double rank) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Touchpoint(id, journeyId, "s1", name, null, Channel.WEB, null, null, 0, null, null, false, null, null, null,
                false, rank, now, "designer", now, "designer", 1, null);
    }

    @Test
    void aJourneyReadKeptForLaterIsNeverOlderThanTheLastWriteOfAnyReplica() {
        MongoTemplate database = new MongoTemplate(client, "replicas");
        TouchpointRepository one = new TouchpointRepository(database);
        TouchpointRepository other = new TouchpointRepository(database);
        one.insert(touchpoint("a", "j1", "Check-in", 1024));
        List<Touchpoint> first = one.ofJourneys(List.of("j1"));
        assertThat(first).extracting(Touchpoint::name).containsExactly("Check-in");
        assertThat(one.ofJourneys(List.of("j1"))).as("kept while nothing changed").isSameAs(first);

        other.insert(touchpoint("b", "j1", "Boarding", 2048));
        assertThat(one.ofJourneys(List.of("j1"))).extracting(Touchpoint::name).containsExactly("Check-in", "Boarding");
        Touchpoint renamed = new Touchpoint("a", "j1", "s1", "Online check-in", null, Channel.WEB, null, null, 0, null, null, false,
                null, null, null, false, 1024, Instant.now(), "designer", Instant.now(), "designer", 2, null);
        assertThat(other.replace(renamed, 1)).isTrue();
        assertThat(one.ofJourneys(List.of("j1"))).extracting(Touchpoint::name).containsExactly("Online check-in", "Boarding");
        other.setRank("b", 10);
        assertThat(one.ofJourneys(List.of("j1"))).extracting(Touchpoint::name).containsExactly("Boarding", "Online check-in");
        assertThat(other.delete("b", 1)).isTrue();
        assertThat(one.ofJourneys(List.of("j1"))).extracting(Touchpoint::name).containsExactly("Online check-in");
        // the same journeys in another order are the same read; a read never changes what another one got
        assertThat(one.ofJourneys(List.of("j2", "j1"))).isSameAs(one.ofJourneys(List.of("j1", "j2")));
        assertThat(first).extracting(Touchpoint::name).containsExactly("Check-in");
    }
}
