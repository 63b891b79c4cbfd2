package io.genesis.api;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonObjectTextTest {

    @Test
    void everyStringReadsBackAsWrittenWhateverItHolds() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        String[] values = {"", "plain", "quote \" and \\ back\\slash", "tab\tnew\nline\rcr\bbs\fff", all.toString(),
                "\u00e9\u2019\uD83D\uDE80 \u2028 \u007f", "{\"nested\":\"json\"}"};
        for (String value : values) {
            JsonObject read = JsonConventions.readObject(new JsonObjectText(16).add("v", value).add("n\"ame", value).close());
            assertEquals(value, read.getString("v"));
            assertEquals(value, read.getString("n\"ame"));
        }
    }

    @Test
    void numbersKeepTheirValueAndNullMembersAreLeftOut() {
        JsonObject read = JsonConventions.readObject(new JsonObjectText(16)
                .add("attempts", 3).add("seconds", 0.0001).add("big", 1.5e300).add("cost", new BigDecimal("12.5000"))
                .add("grade", (Double) null).add("gone", (String) null).add("none", (BigDecimal) null).add("score", Double.valueOf(0.875))
                .close());
        assertEquals(3, read.getInt("attempts"));
        assertEquals(0.0001, read.getJsonNumber("seconds").doubleValue());
        assertEquals(1.5e300, read.getJsonNumber("big").doubleValue());
        assertEquals(new BigDecimal("12.5000"), read.getJsonNumber("cost").bigDecimalValue());
        assertEquals(0.875, read.getJsonNumber("score").doubleValue());
        assertFalse(read.containsKey("grade") || read.containsKey("gone") || read.containsKey("none"));
        assertEquals("{}", new JsonObjectText(2).close());
    }

    @Test
    void aNumberJsonCannotHoldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JsonObjectText(8).add("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new JsonObjectText(8).add("x", Double.POSITIVE_INFINITY));
    }
}
