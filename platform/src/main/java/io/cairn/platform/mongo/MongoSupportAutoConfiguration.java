package io.cairn.platform.mongo;

import com.mongodb.client.MongoClient;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/** Health and tracing for whichever MongoDB the service talks to (embedded or external). */
@AutoConfiguration(after = {EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class})
@ConditionalOnClass(MongoClient.class)
public class MongoSupportAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoClient.class)
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoClient client, MongoConnectionDetails details, Environment env) {
        String database = details.getConnectionString().getDatabase();
        if (database == null) {
            database = env.getProperty("spring.mongodb.database", "admin");
        }
        return new MongoPingHealthIndicator(client, database);
    }

    /** One span per MongoDB command, child of the request span, so traces reach the database. */
    @Bean
    @ConditionalOnClass(MongoObservationCommandListener.class)
    MongoClientSettingsBuilderCustomizer mongoObservation(ObjectProvider<ObservationRegistry> registry) {
        return settings -> registry.ifAvailable(observations -> settings
                .contextProvider(ContextProviderFactory.create(observations))
                .addCommandListener(new MongoObservationCommandListener(observations)));
    }
}
