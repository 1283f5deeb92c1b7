package org.signoff.api.contract;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.signoff.common.Rejection;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): springdoc describes the
 * endpoints and their bodies from the controllers; this adds what it cannot see: the two ways in, the headers of the
 * integration contract ({@code Idempotency-Key}, {@code If-Match}, {@code ETag}) and the problem responses. The
 * document is committed as {@code approval-api/openapi.json}, and a test fails when the served one differs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI approvalEngineApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Approval engine")
                        .version("0.1.0")
                        .description("The sandbox-to-production sign-off for bulk jobs: tickets through six steps, "
                                + "the master list, the job catalog, the staff directory. Errors are RFC 9457 "
                                + "problems with a stable `code`.")
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description(
                                                "`<client id>.<secret>`, from an administrator (POST /api-clients)"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A token of the deployment's identity provider, where one is set up"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Operation ids from the controller and method, e.g. {@code tickets_approve}: stable, unlike numbered ones. */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handler) -> operation.operationId(
                handler.getBeanType().getSimpleName().replace("Controller", "").toLowerCase(java.util.Locale.ROOT) + "_"
                        + handler.getMethod().getName());
    }

    /** Schemas named and shaped as the service reads and writes them: see {@link TypeSchemas}. */
    @Bean
    ModelConverter typeSchemas() {
        return new TypeSchemas();
    }

    /**
     * A query parameter of a record type that Spring reads from its one string by a static {@code valueOf(String)}
     * (the lists' cursors) is that string to a client, not the record's fields.
     */
    @Bean
    ParameterCustomizer readFromOneString() {
        return (parameter, method) -> {
            if (parameter != null
                    && method != null
                    && readFromOneString(method.getParameterType())
                    && (parameter.getSchema() == null || parameter.getSchema().get$ref() != null)) {
                parameter.setSchema(new StringSchema());
                if ("after".equals(parameter.getName()) && parameter.getDescription() == null) {
                    parameter.setDescription("Opaque: the after= of the previous page's Link rel=\"next\"");
                }
            }
            return parameter;
        };
    }

    private static boolean readFromOneString(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        try {
            java.lang.reflect.Method valueOf = type.getMethod("valueOf", String.class);
            return java.lang.reflect.Modifier.isStatic(valueOf.getModifiers()) && valueOf.getReturnType() == type;
        } catch (NoSuchMethodException notReadSo) {
            return false;
        }
    }

    @Bean
    OpenApiCustomizer integrationContract() {
        return api -> {
            // the schemas springdoc finds replace the ones declared above: the problem joins them here
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getComponents().getSchemas().remove("IfMatch");
            api.getComponents().getSchemas().values().forEach(OpenApiContract::optionalMayBeNull);
            contract(api);
            EverySchema.of(api).forEach(OpenApiContract::portable);
        };
    }

    /** Every pattern here comes from a Bean Validation {@code @Pattern}: see {@link PortablePatterns}. */
    @SuppressWarnings("rawtypes")
    private static void portable(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(PortablePatterns.of(schema.getPattern()));
        }
    }

    private static void contract(OpenAPI api) {
        api.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> {
                withoutHeadersAClientSets(operation);
                if (operation.getSecurity() != null && operation.getSecurity().isEmpty()) {
                    // another system's call (Alma's webhook), authenticated in the endpoint by the sender's signature:
                    // no key, no performer, no Idempotency-Key; the endpoint names its own refusals
                    problems(operation, "400", "Malformed or invalid: MALFORMED_REQUEST, INVALID_REQUEST");
                    return;
                }
                pagedWithLink(operation);
                problems(operation, "400", "Malformed or invalid: MALFORMED_REQUEST, INVALID_REQUEST");
                problems(operation, "401", "No, or a bad, API key or token: UNAUTHENTICATED");
                problems(operation, "403", "ACCESS_DENIED, PERFORMER_NOT_ALLOWED, " + codes(Rejection.Kind.FORBIDDEN));
                problems(operation, "429", "TOO_MANY_FAILED_ATTEMPTS, with Retry-After");
                if (path.contains("{")) {
                    problems(operation, "404", codes(Rejection.Kind.NOT_FOUND));
                }
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                    write(path, operation);
                }
            });
            if (path.equals("/tickets/{ticketId}") && item.getGet() != null) {
                item.getGet()
                        .getResponses()
                        .get("200")
                        .addHeaderObject(
                                "ETag",
                                new Header()
                                        .description("The ticket's version, for a step's If-Match")
                                        .schema(new StringSchema()));
            }
        });
    }

    /** OpenAPI ignores these as parameters (a handler's {@code @RequestHeader Accept}): a client sets them itself. */
    private static void withoutHeadersAClientSets(Operation operation) {
        if (operation.getParameters() != null) {
            operation
                    .getParameters()
                    .removeIf(parameter -> "header".equals(parameter.getIn())
                            && List.of("accept", "content-type", "authorization")
                                    .contains(parameter.getName().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** A list that takes {@code after} names its next page in a {@code Link} header ({@code input/Pages}). */
    private static void pagedWithLink(Operation operation) {
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "after".equals(parameter.getName()))) {
            operation
                    .getResponses()
                    .get("200")
                    .addHeaderObject(
                            "Link",
                            new Header()
                                    .description("While a page is full: `<…?after=…>; rel=\"next\"`, the next page")
                                    .schema(new StringSchema()));
        }
    }

    /**
     * The answers write every field, an absent value as {@code null}: each property not required may be null, as
     * OpenAPI 3.1 says it (JSON Schema's {@code "type": ["string", "null"]}).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMayBeNull(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.get$ref() != null) {
                Schema<?> reference = new Schema<>().$ref(property.get$ref());
                property.set$ref(null);
                property.setOneOf(new java.util.ArrayList<>(
                        List.of(reference, new JsonSchema().types(new java.util.LinkedHashSet<>(List.of("null"))))));
            } else if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
            } else if (property.getType() != null) {
                property.addType(property.getType());
                property.addType("null");
            }
        });
    }

    /** The codes of every rejection of a kind, from the one list of them: the document cannot miss a new one. */
    private static String codes(Rejection.Kind kind) {
        return java.util.Arrays.stream(Rejection.values())
                .filter(rejection -> rejection.kind() == kind)
                .map(Rejection::name)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void write(String path, Operation operation) {
        problems(
                operation,
                "409",
                "Out of order, repeated or conflicting: " + codes(Rejection.Kind.CONFLICT) + ", CONCURRENT_CHANGE");
        problems(operation, "413", "A body over the size limit: PAYLOAD_TOO_LARGE");
        problems(operation, "415", "Not JSON: UNSUPPORTED_MEDIA_TYPE");
        problems(operation, "422", "Against a rule: " + codes(Rejection.Kind.RULE) + ", IDEMPOTENCY_KEY_REUSED");
        // a step through Alma answers Alma's roles, which are not stored: a retry is the step's own 409, Alma untouched
        boolean throughAlma = path.endsWith("/alma") || path.endsWith("/production-roles/take-back");
        if (throughAlma) {
            problems(
                    operation,
                    "502",
                    "Alma refused: ALMA_REFUSED (with almaCode), ALMA_CREDENTIALS_REJECTED; " + "nothing recorded");
            problems(operation, "503", "Alma did not answer: ALMA_UNAVAILABLE, with Retry-After; nothing recorded");
        }
        if (!path.startsWith("/api-clients") && !throughAlma) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .required(false)
                    .description("Per client, 1-200 visible ASCII characters: a retry with the same key and "
                            + "request is answered as the first time and writes nothing")
                    .schema(new StringSchema().maxLength(200)));
        }
        if (path.startsWith("/tickets/{ticketId}/")) {
            // springdoc describes the handler's IfMatch argument on its own: this one, with its meaning, replaces it
            operation.getParameters().removeIf(parameter -> "If-Match".equals(parameter.getName()));
            operation.addParametersItem(new HeaderParameter()
                    .name("If-Match")
                    .required(false)
                    .description("The ETag of the ticket as read: the step is taken only at that version")
                    .schema(new StringSchema()));
            problems(
                    operation,
                    "412",
                    "The ticket moved on from If-Match: STALE_VERSION (with currentVersion and expectedVersion)");
        }
    }

    private static void problems(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = Map.of(
                "type",
                new StringSchema().description("urn:approval-engine:problem:<code>"),
                "title",
                new StringSchema(),
                "status",
                new IntegerSchema(),
                "detail",
                new StringSchema(),
                "instance",
                new StringSchema(),
                "code",
                new StringSchema().description("The stable code to act on"),
                "errors",
                new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new StringSchema())
                        .description("For INVALID_REQUEST: each field and what is wrong with it"),
                "currentVersion",
                new IntegerSchema().format("int64").description("For STALE_VERSION: the ticket's version now"),
                "expectedVersion",
                new IntegerSchema().format("int64").description("For STALE_VERSION: the version of If-Match"),
                "line",
                new IntegerSchema()
                        .description("For NOT_A_MASTER_LIST and NOT_AN_ATTENDANCE_LIST: the line of the file"));
        Map<String, Schema> all = new java.util.TreeMap<>(properties);
        all.put(
                "missingClasses",
                new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty("classId", new StringSchema())
                                .addProperty("title", new StringSchema()))
                        .description(
                                "For CLASSES_NOT_ATTENDED: each training class the requester has still to attend"));
        return new ObjectSchema()
                .description("An RFC 9457 problem with a stable code")
                .properties(all)
                .required(List.of("type", "title", "status", "code"));
    }
}
