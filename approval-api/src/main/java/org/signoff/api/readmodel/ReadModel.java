package org.signoff.api.readmodel;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model: the name of its processor, the tables it keeps to itself, the shape its code writes them in, and how
 * to make its projection over a database (the live one, or one that writes other tables while it is rebuilt).
 */
public record ReadModel<P>(String name, List<String> tables, int shape, Function<JdbcClient, P> factory) {

    public ReadModel {
        tables = List.copyOf(tables);
    }

    public P projection(JdbcClient jdbc) {
        return factory.apply(jdbc);
    }
}
