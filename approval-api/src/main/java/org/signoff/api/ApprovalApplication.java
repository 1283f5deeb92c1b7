package org.signoff.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sign-off engine as a service: HTTP commands and reads on an event store in the embedded H2 or PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApprovalApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApprovalApplication.class, args);
    }
}
