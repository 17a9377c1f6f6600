package io.cairn.platform.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded MongoDB wire server when no MongoDB is configured and points Boot's Mongo
 * auto-configuration at it, so the application code is the same as against a real MongoDB.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoServer.class, MongoConnectionDetails.class})
@Conditional(EmbeddedMongoCondition.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment env) {
        if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
            return EmbeddedMongoServer.memory(properties.host(), properties.port());
        }
        String service = env.getProperty("spring.application.name", "cairn");
        Path dataDir = Path.of(env.getProperty("cairn.data-dir", "./data"));
        return EmbeddedMongoServer.file(dataDir.resolve(service).resolve("mongo.mv"), properties.host(), properties.port());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server, Environment env) {
        String database = env.getProperty("spring.mongodb.database",
                "cairn-" + env.getProperty("spring.application.name", "app"));
        ConnectionString connectionString = new ConnectionString(server.connectionString(database));
        return () -> connectionString;
    }
}
