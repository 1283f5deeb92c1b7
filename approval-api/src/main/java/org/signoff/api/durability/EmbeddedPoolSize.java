package org.signoff.api.durability;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The connection pool's size on the embedded H2 database. A command holds a connection for its whole transaction, so
 * the pool caps how many commands are in flight, and on the H2 file the more are in flight the more share each store
 * of the file and each batch of the read models. HikariCP's default of 10 connections is raised to {@value #EMBEDDED}
 * there (measured at 64 clients: 7–12% more flows/s, less CPU per flow). On a database server such as PostgreSQL the
 * connections are the server's to ration between nodes, so the pool keeps HikariCP's default; a size configured
 * ({@code spring.datasource.hikari.maximum-pool-size}) is always kept.
 */
@Component
class EmbeddedPoolSize implements BeanPostProcessor {

    static final int EMBEDDED = 32;

    private final boolean configured;

    EmbeddedPoolSize(Environment environment) {
        this.configured = environment.containsProperty("spring.datasource.hikari.maximum-pool-size");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!configured && bean instanceof HikariDataSource pool && H2Urls.embedded(pool.getJdbcUrl())) {
            pool.setMaximumPoolSize(EMBEDDED);
        }
        return bean;
    }
}
