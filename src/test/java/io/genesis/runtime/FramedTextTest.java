package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FramedTextTest {

    @Test
    void partsReadBackAsWrittenWhateverTheyHold() {
        String[] parts = {"{\"a\":\"b|c\"}", null, "", "12|34|", "\u00e9\uD83D\uDE80\n\"\\", null};
        assertArrayEquals(parts, FramedText.read("v9", FramedText.write("v9", parts), parts.length));
        assertArrayEquals(new String[0], FramedText.read("v9", FramedText.write("v9"), 0));
    }

    @Test
    void anotherVersionOrAnotherShapeIsRefused() {
        String text = FramedText.write("v1", "a", "bc");
        for (String bad : new String[] {"", "v1", "v1|", "v2" + text.substring(2), text + "!", text.substring(0, text.length() - 1),
                "v1|1|x|abc", "v1|-2|2|bc", "v1|1|", "v10|1|2|abc"}) {
            assertThrows(IllegalArgumentException.class, () -> FramedText.read("v1", bad, 2), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> FramedText.read("v1", text, 3), "fewer parts than asked");
    }
}
