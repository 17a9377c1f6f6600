package io.cairn.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A whole service on a random port, over real HTTP, with the real MongoDB driver talking to the
 * embedded wire server (in-memory backend, random port) and trusting {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.mongodb.embedded.backend=memory",
        "cairn.data-dir=target/test-data",
        "spring.main.banner-mode=off"})
@Import(TestJwtConfiguration.class)
public @interface CairnServiceTest {
}
