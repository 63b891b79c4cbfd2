package io.genesis.runtime.boundary;

import io.genesis.runtime.ops.DeadLetterAdmin;
import io.genesis.runtime.ops.StreamIds;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;

/**
 * The optional body of a dead-letter replay: {@code {"ids": ["<entry id>", ...]}}. No body, {@code {}} or
 * {@code "ids": null} mean "the oldest entries up to the cap"; an empty list means none. Any other member is
 * refused, so a typo such as {@code "id"} never turns into "replay everything". Rejected ids are listed in the
 * problem's {@code invalid_ids}.
 */
public record ReplayRequest(
        @Size(max = DeadLetterAdmin.MAX_REPLAY_PER_CALL, message = "holds at most {max} entry ids per replay call")
        List<@EntryId JsonValue> ids) {

    /** The requested ids, or empty for "all". */
    Optional<List<String>> entryIds() {
        return ids == null ? Optional.empty() : Optional.of(ids.stream().map(id -> ((JsonString) id).getString()).toList());
    }

    /** A dead-letter entry id as an operator types it, {@code "1700000000000-0"}; anything else, text or not, is refused. */
    @Constraint(validatedBy = EntryId.Check.class)
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface EntryId {

        String message() default "must be dead-letter entry ids such as \"1700000000000-0\"";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<EntryId, JsonValue> {
            @Override
            public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
                return value instanceof JsonString text && StreamIds.isValid(text.getString());
            }
        }
    }
}
