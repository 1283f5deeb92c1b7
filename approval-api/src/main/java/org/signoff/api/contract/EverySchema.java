package org.signoff.api.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** Every schema of a document, once each: the components', and those inline in parameters, bodies and answers. */
final class EverySchema {

    private final Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Schema<?>> found = new ArrayList<>();

    private EverySchema() {}

    static List<Schema<?>> of(OpenAPI api) {
        EverySchema every = new EverySchema();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(every::add);
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> {
                every.parameters(item.getParameters());
                item.readOperations().forEach(operation -> {
                    every.parameters(operation.getParameters());
                    if (operation.getRequestBody() != null) {
                        every.content(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(every::response);
                    }
                });
            });
        }
        return every.found;
    }

    private void parameters(List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                add(parameter.getSchema());
                content(parameter.getContent());
            });
        }
    }

    private void response(ApiResponse response) {
        content(response.getContent());
        if (response.getHeaders() != null) {
            response.getHeaders().values().stream().map(Header::getSchema).forEach(this::add);
        }
    }

    private void content(Content content) {
        if (content != null) {
            content.values().forEach(media -> add(media.getSchema()));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void add(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        found.add(schema);
        all(schema.getProperties() == null ? null : ((Map<String, Schema>) schema.getProperties()).values());
        add(schema.getItems());
        all(schema.getAllOf());
        all(schema.getAnyOf());
        all(schema.getOneOf());
        add(schema.getNot());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            add(additional);
        }
    }

    @SuppressWarnings("rawtypes")
    private void all(Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(this::add);
        }
    }
}
