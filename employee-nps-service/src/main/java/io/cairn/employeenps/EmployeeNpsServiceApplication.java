package io.cairn.employeenps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Anonymous employee NPS campaigns, departments, links and results. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmployeeNpsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmployeeNpsServiceApplication.class, args);
    }
}
