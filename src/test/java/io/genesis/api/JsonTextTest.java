package io.genesis.api;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonTextTest {

    @Test
    void theTextIsExactlyWhatJsonPWrites() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        JsonValue value = JsonConventions.json().createObjectBuilder()
                .add("s", "plain").add("q", "say \"hi\" \\ back").add("c", controls.toString()).add("u", "\u00e9\u2019\uD83D\uDE80\u007f\u2028")
                .add("n", JsonConventions.json().createArrayBuilder().add(1).add(-2L).add(2.5).add(new java.math.BigDecimal("1E+3"))
                        .add(1e-7).add(JsonValue.TRUE).add(JsonValue.FALSE).addNull())
                .add("o", JsonConventions.json().createObjectBuilder().add("empty", JsonValue.EMPTY_JSON_OBJECT)
                        .add("list", JsonValue.EMPTY_JSON_ARRAY).add("k\"ey", "v"))
                .build();
        assertEquals(value.toString(), JsonText.of(value));
        assertEquals(value, JsonConventions.read(JsonText.of(value)));
        for (JsonValue scalar : new JsonValue[] {JsonValue.NULL, JsonValue.TRUE, JsonConventions.json().createValue("x\ny"),
                JsonConventions.json().createValue(42)}) {
            assertEquals(scalar.toString(), JsonText.of(scalar));
        }
        assertNull(JsonText.of(null));
    }
}
