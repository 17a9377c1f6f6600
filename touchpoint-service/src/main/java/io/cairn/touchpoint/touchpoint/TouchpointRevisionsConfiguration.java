package io.cairn.touchpoint.touchpoint;

import io.cairn.platform.revision.RevisionLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where touchpoint revisions are kept. */
@Configuration(proxyBeanMethods = false)
class TouchpointRevisionsConfiguration {

    @Bean
    RevisionLog touchpointRevisions(MongoTemplate mongo) {
        return new RevisionLog(mongo, "touchpoint_revisions");
    }
}
