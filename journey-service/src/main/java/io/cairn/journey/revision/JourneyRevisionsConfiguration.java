package io.cairn.journey.revision;

import io.cairn.platform.revision.RevisionLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where journey revisions are kept. */
@Configuration(proxyBeanMethods = false)
class JourneyRevisionsConfiguration {

    @Bean
    RevisionLog journeyRevisions(MongoTemplate mongo) {
        return new RevisionLog(mongo, "journey_revisions");
    }
}
