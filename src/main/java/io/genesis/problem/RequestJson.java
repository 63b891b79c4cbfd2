package io.genesis.problem;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The JSON-B instance JAX-RS uses for every request and response body: the JSON conventions of
 * {@code io.genesis.api.JsonConventions} (snake_case, no nulls), strict on the way in. A member the request record
 * does not declare is refused (Yasson's
 * {@code jsonb.fail-on-unknown-properties}), and text, booleans and numbers must arrive as such: {@code "12"} is not a
 * number, {@code 12} is not text, {@code "yes"} is not a boolean, {@code 1.5} is not a whole number (Yasson would
 * convert them silently). Request records use boxed types ({@code Boolean}, {@code Long}) so that absent is null.
 */
@Provider
public class RequestJson implements ContextResolver<Jsonb> {

    private static final Jsonb STRICT = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES).withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(
                    new Strict<String>("must be a string") {
                        @Override
                        String read(JsonValue value) {
                            return value instanceof JsonString text ? text.getString() : null;
                        }
                    },
                    new Strict<Boolean>("must be true or false") {
                        @Override
                        Boolean read(JsonValue value) {
                            return value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : null;
                        }
                    },
                    new Strict<Long>("must be a whole number") {
                        @Override
                        Long read(JsonValue value) {
                            BigDecimal number = decimal(value);
                            return number == null ? null : whole(number, Long.MIN_VALUE, Long.MAX_VALUE);
                        }
                    },
                    new Strict<Integer>("must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE) {
                        @Override
                        Integer read(JsonValue value) {
                            BigDecimal number = decimal(value);
                            Long whole = number == null ? null : whole(number, Integer.MIN_VALUE, Integer.MAX_VALUE);
                            return whole == null ? null : whole.intValue();
                        }
                    },
                    new Strict<BigDecimal>("must be a number") {
                        @Override
                        BigDecimal read(JsonValue value) {
                            return decimal(value);
                        }
                    },
                    new Strict<Double>("must be a number") {
                        @Override
                        Double read(JsonValue value) {
                            BigDecimal number = decimal(value);
                            return number == null ? null : number.doubleValue();
                        }
                    }));

    @Override
    public Jsonb getContext(Class<?> type) {
        return STRICT;
    }

    private static BigDecimal decimal(JsonValue value) {
        return value instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }

    private static Long whole(BigDecimal number, long min, long max) {
        try {
            long whole = number.longValueExact();
            return whole >= min && whole <= max ? whole : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** JSON null is null; a value {@link #read} cannot take is refused with {@code reason}. */
    private abstract static class Strict<T> implements JsonbDeserializer<T> {

        private final String reason;

        Strict(String reason) {
            this.reason = reason;
        }

        abstract T read(JsonValue value);

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            T read = read(value);
            if (read == null) {
                throw new JsonTypeMismatch(reason);
            }
            return read;
        }
    }
}
