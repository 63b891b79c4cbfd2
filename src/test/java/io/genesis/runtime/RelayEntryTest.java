package io.genesis.runtime;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RelayEntryTest {

    @Test
    void anEntryWithEveryPartReadsBackAsWritten() {
        RelayEntry entry = new RelayEntry("{\"task_id\":\"t|1\",\"output\":\"a \\\"quoted\\\" | bar, é, \uD83D\uDE80\"}",
                "{\"delivery_id\":\"d\",\"url\":\"http://127.0.0.1/hook?a=1|2\"}", 1_765_000_000_123L, "genesis.security",
                "{\"task_id\":\"n\",\"content\":{\"kind\":\"task_finished\"}}");
        assertEquals(entry, RelayEntry.parse(entry.toText()));
    }

    @Test
    void partsAnEntryDoesNotHaveStayAbsentAndEmptyPartsStayEmpty() {
        RelayEntry rowOnly = new RelayEntry("{\"task_id\":\"t\"}", null, 0, null, null);
        assertEquals(rowOnly, RelayEntry.parse(rowOnly.toText()));
        RelayEntry empty = new RelayEntry("", "", 5, "", "");
        assertEquals(empty, RelayEntry.parse(empty.toText()));
    }

    @Test
    void anEntryOfTheEarlierJsonFormatIsStillRead() {
        String json = Json.createObjectBuilder().add("row", "{\"task_id\":\"t\"}").add("webhook", "{\"url\":\"u\"}")
                .add("webhook_due", 42).add("notify_topic", "genesis.security").add("notice", "{\"task_id\":\"n\"}").build().toString();
        assertEquals(new RelayEntry("{\"task_id\":\"t\"}", "{\"url\":\"u\"}", 42, "genesis.security", "{\"task_id\":\"n\"}"),
                RelayEntry.parse(json));
    }

    @Test
    void textThatIsNotAnEntryIsRefused() {
        String valid = new RelayEntry("{\"a\":1}", null, 0, null, null).toText();
        for (String text : new String[] {"", "hello", "r1|", "r1|x|-1|0|-1|-1|", valid + "extra", valid.substring(0, valid.length() - 1),
                "r1|99|-1|0|-1|-1|{}", "{not json"}) {
            assertThrows(IllegalArgumentException.class, () -> RelayEntry.parse(text), text);
        }
    }
}
