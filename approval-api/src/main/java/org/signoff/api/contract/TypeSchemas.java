package org.signoff.api.contract;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.util.Iterator;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * How the Java types of bodies, answers and parameters become schemas, where swagger-core's defaults would give a
 * generated client a different contract from the one the service keeps:
 *
 * <ul>
 *   <li>a type of ours nested in another is named after both ({@code StaffRequests.Register} is {@code StaffRegister},
 *       {@code ApiClientRequests.Register} is {@code ApiClientRegister}; a {@code Requests} or {@code Controller}
 *       suffix is left out): by simple name, bodies of different shapes would merge into one schema;
 *   <li>a {@code @NotBlank} string is at least one character long, even beside a {@code @Size(max = …)}, whose
 *       default minimum of 0 swagger-core lets override it.
 * </ul>
 */
final class TypeSchemas implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(
            io.swagger.v3.core.converter.AnnotatedType type,
            ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        if (type.getType() == null) {
            return chain.next().resolve(type, context, chain);
        }
        Class<?> raw =
                TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (raw.getEnclosingClass() != null
                && raw.getPackageName().startsWith("org.signoff")
                && !raw.isEnum()
                && blank(type.getName())
                && !named(raw)) {
            type.name(nestedName(raw));
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        if (resolved != null && raw.isRecord()) {
            Schema model = resolved.get$ref() == null
                    ? resolved
                    : context.getDefinedModels()
                            .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
            notBlankIsNotEmpty(raw, model);
        }
        return resolved;
    }

    @Override
    public boolean isOpenapi31() {
        return true;
    }

    /** {@code StaffRequests.Register} → {@code StaffRegister}, {@code MasterListView.Scope} → {@code MasterListViewScope}. */
    private static String nestedName(Class<?> nested) {
        String outer = nested.getEnclosingClass().getSimpleName().replaceFirst("(Requests|Controller)$", "");
        return outer + nested.getSimpleName();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void notBlankIsNotEmpty(Class<?> record, Schema model) {
        if (model == null || model.getProperties() == null) {
            return;
        }
        for (Field field : record.getDeclaredFields()) {
            Schema property = (Schema) model.getProperties().get(field.getName());
            if (property == null) {
                continue;
            }
            if (field.isAnnotationPresent(NotBlank.class)) {
                atLeastOneCharacter(property);
            }
            AnnotatedType declared = field.getAnnotatedType();
            if (declared instanceof AnnotatedParameterizedType collection
                    && property.getItems() != null
                    && collection.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(NotBlank.class)) {
                atLeastOneCharacter(property.getItems());
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void atLeastOneCharacter(Schema property) {
        boolean string = "string".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("string"));
        if (string && (property.getMinLength() == null || property.getMinLength() < 1)) {
            property.setMinLength(1);
        }
    }

    private static boolean named(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty();
    }

    private static boolean blank(String name) {
        return name == null || name.isBlank();
    }
}
