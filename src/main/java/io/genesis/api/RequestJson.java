package io.genesis.api;

import io.genesis.problem.JsonTypeMismatch;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The JSON-B instance JAX-RS uses for every request and response body: {@link JsonConventions} (snake_case, no
 * nulls), strict on the way in. A member the request record does not declare is refused (Yasson's
 * {@code jsonb.fail-on-unknown-properties}), and text, booleans and numbers must arrive as such: {@code "12"} is not a
 * number, {@code 12} is not text, {@code "yes"} is not a boolean, {@code 1.5} is not a whole number (Yasson would
 * convert them silently). Request records use boxed types ({@code Boolean}, {@code Long}) so that absent is null.
 */
@Provider
public class RequestJson implements ContextResolver<Jsonb> {

    private static final Jsonb STRICT = JsonbBuilder.create(JsonConventions.config()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new Text(), new Truth(), new Whole(), new Int(), new Decimal(), new Real()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return STRICT;
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            if (value == JsonValue.NULL) {
                return null;
            }
            throw new JsonTypeMismatch("must be a string");
        }
    }

    static final class Truth implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            if (value == JsonValue.NULL) {
                return null;
            }
            throw new JsonTypeMismatch("must be true or false");
        }
    }

    static final class Whole implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException e) {
                    throw new JsonTypeMismatch("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
                }
            }
            throw new JsonTypeMismatch("must be a whole number");
        }
    }

    static final class Int implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long whole = new Whole().deserialize(parser, context, type);
            if (whole == null) {
                return null;
            }
            if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                throw new JsonTypeMismatch("must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
            return whole.intValue();
        }
    }

    static final class Decimal implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            throw new JsonTypeMismatch("must be a number");
        }
    }

    static final class Real implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal number = new Decimal().deserialize(parser, context, type);
            return number == null ? null : number.doubleValue();
        }
    }
}
