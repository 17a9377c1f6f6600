package io.cairn.touchpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Touchpoints, their order within stages, owners, dimensions, expectations and targets. */
@SpringBootApplication
public class TouchpointServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TouchpointServiceApplication.class, args);
    }
}
