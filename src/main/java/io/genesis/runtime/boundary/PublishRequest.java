package io.genesis.runtime.boundary;

import io.genesis.api.HttpUrl;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/tasks}: what to run, where the result goes, and whose chain it belongs to. */
public record PublishRequest(
        @NotBlank(message = "is required: a registered topic such as \"genesis.build\"") String topic,
        @NotNull(message = "is required (any JSON value)") JsonValue content,
        String replyTo,
        @HttpUrl String webhook,
        @Pattern(regexp = ID, message = ID_RULE) String correlationId,
        String tenantId,
        @Pattern(regexp = ID, message = ID_RULE) String businessId) {

    static final String ID = "[A-Za-z0-9._:-]{1,64}";
    static final String ID_RULE = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-'";
}
