package io.genesis.problem;

import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation failures of a resource method's request record or parameters as one problem: {@code field} names
 * the first offending field by its wire name ({@code reply_to}, {@code requirements.mvp_features}, a header's own
 * name such as {@code Idempotency-Key}, {@code body} for the body as a whole), {@code detail} reads
 * "{@code <field> <constraint message>}", {@code violations} lists them all. Rejected elements of a list field
 * {@code x} are listed in {@code invalid_x}. 422 when every violated constraint carries {@link Unprocessable}, else 400.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Context
    ResourceInfo resource;

    @Context
    jakarta.ws.rs.core.UriInfo uriInfo;

    /** One violated constraint, by wire field name. */
    record Violation(String field, String message, Integer element, Object invalidValue, boolean unprocessable) {
        String detail() {
            return field + " " + message;
        }
    }

    @Override
    public Response toResponse(ValidationException error) {
        if (!(error instanceof ConstraintViolationException violations) || violations.getConstraintViolations().isEmpty()) {
            return ProblemMapper.unexpected(error, path());
        }
        return problem(violations.getConstraintViolations()).withInstance(path()).toResponse();
    }

    Problem problem(Set<ConstraintViolation<?>> constraintViolations) {
        List<Violation> found = constraintViolations.stream().map(this::violation)
                .sorted(Comparator.comparing(Violation::field)
                        .thenComparing(Violation::element, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Violation::message)).toList();
        boolean unprocessable = found.stream().allMatch(Violation::unprocessable);
        List<String> details = found.stream().map(Violation::detail).distinct().toList();
        Problem problem = (unprocessable ? Problem.unprocessable(String.join("; ", details))
                : Problem.of(Response.Status.BAD_REQUEST, String.join("; ", details)))
                .with("field", found.get(0).field())
                .with("violations", found.stream().map(v -> Map.of("field", v.field(), "message", v.message())).distinct().toList());
        Map<String, List<String>> rejected = new LinkedHashMap<>();
        for (Violation v : found) {
            if (v.element() != null) {
                rejected.computeIfAbsent("invalid_" + v.field(), key -> new ArrayList<>()).add(text(v.invalidValue()));
            }
        }
        for (var entry : rejected.entrySet()) {
            problem = problem.with(entry.getKey(), entry.getValue());
        }
        return problem;
    }

    private Violation violation(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameterName = null;
        Object current = null;
        Integer element = null;
        Integer index = null;
        for (Path.Node node : violation.getPropertyPath()) {
            index = node.getIndex() != null ? node.getIndex() : index;
            if (node.getKind() == ElementKind.PARAMETER) {
                int parameter = node.as(Path.ParameterNode.class).getParameterIndex();
                parameterName = parameterName(parameter);
                Object[] arguments = violation.getExecutableParameters();
                current = arguments != null && parameter < arguments.length ? arguments[parameter] : null;
            } else if (node.getKind() == ElementKind.PROPERTY) {
                names.add(wireName(current, node.getName()));
                current = propertyValue(current, node.getName());
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                element = index == null ? 0 : index;
            }
        }
        String field = !names.isEmpty() ? String.join(".", names) : parameterName != null ? parameterName : BindingProblems.BODY;
        boolean unprocessable = violation.getConstraintDescriptor().getPayload().contains(Unprocessable.class);
        return new Violation(field, violation.getMessage(), element, violation.getInvalidValue(), unprocessable);
    }

    /** A header, query, path... parameter by the name the client used; the request body as {@code body}. */
    private String parameterName(int index) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || index >= method.getParameterCount()) {
            return null;
        }
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof HeaderParam a) {
                return a.value();
            } else if (annotation instanceof QueryParam a) {
                return a.value();
            } else if (annotation instanceof PathParam a) {
                return a.value();
            } else if (annotation instanceof FormParam a) {
                return a.value();
            } else if (annotation instanceof CookieParam a) {
                return a.value();
            } else if (annotation instanceof MatrixParam a) {
                return a.value();
            }
        }
        return BindingProblems.BODY;
    }

    /** The JSON name of a record component: its {@link JsonbProperty}, else the snake_case of its Java name. */
    private static String wireName(Object holder, String javaName) {
        if (holder != null) {
            try {
                JsonbProperty renamed = holder.getClass().getDeclaredField(javaName).getAnnotation(JsonbProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    return renamed.value();
                }
            } catch (NoSuchFieldException e) {
                // a bean property without a field of that name: the naming convention applies
            }
        }
        return snakeCase(javaName);
    }

    private static Object propertyValue(Object holder, String javaName) {
        if (holder == null) {
            return null;
        }
        try {
            return holder.getClass().getMethod(javaName).invoke(holder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static String snakeCase(String javaName) {
        StringBuilder name = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }

    private String path() {
        return ProblemMapper.path(uriInfo);
    }
}
