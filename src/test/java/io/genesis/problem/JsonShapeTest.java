package io.genesis.problem;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JSON text's depth and member count, followed as it streams in, before any parser builds it. */
class JsonShapeTest {

    private static void feed(JsonShape shape, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        shape.accept(bytes, 0, bytes.length);
    }

    @Test
    void nestingUpToTheLimitPassesOneDeeperIsA400NamingTheBodyAndTheKey() {
        assertDoesNotThrow(() -> feed(new JsonShape(3, 100), "{\"a\":[{\"b\":1}]}"));
        ProblemException deep = assertThrows(ProblemException.class, () -> feed(new JsonShape(3, 100), "{\"a\":[{\"b\":[1]}]}"));
        assertEquals(400, deep.problem().status());
        assertEquals("body", deep.problem().extensions().get("field"));
        assertTrue(deep.problem().detail().contains("3 levels") && deep.problem().detail().contains(JsonShape.MAX_DEPTH_KEY),
                deep.problem().detail());
    }

    @Test
    void depthIsRefusedAsTheBytesArriveWithoutWaitingForTheEnd() {
        JsonShape shape = new JsonShape(32, 10_000);
        feed(shape, "[".repeat(32));
        assertThrows(ProblemException.class, () -> shape.accept('['));
    }

    @Test
    void closingBracketsGiveTheDepthBack() {
        JsonShape shape = new JsonShape(2, 1_000);
        for (int i = 0; i < 100; i++) {
            feed(shape, "[[1]],");
        }
    }

    @Test
    void membersAreCommasPlusContainers() {
        assertDoesNotThrow(() -> feed(new JsonShape(32, 3), "[1,2,3]"));
        assertDoesNotThrow(() -> feed(new JsonShape(32, 3), "{\"a\":[1,2]}"));
        ProblemException many = assertThrows(ProblemException.class, () -> feed(new JsonShape(32, 3), "[1,2,3,4]"));
        assertEquals(413, many.problem().status());
        assertTrue(many.problem().detail().contains("more than 3 members") && many.problem().detail().contains(JsonShape.MAX_MEMBERS_KEY),
                many.problem().detail());
    }

    @Test
    void bracketsCommasAndEscapedQuotesInsideStringsAreText() {
        JsonShape shape = new JsonShape(1, 10);
        feed(shape, "{\"k\":\"[[[,,,{{{ \\\" ]]] \\\\\"}");
        ProblemException deeper = assertThrows(ProblemException.class, () -> feed(shape, "[["));
        assertEquals(400, deeper.problem().status(), "the string closed after the escaped backslash");
    }

    @Test
    void multiByteCharactersAreNotMistakenForStructure() {
        assertDoesNotThrow(() -> feed(new JsonShape(1, 1), "{\"ключ\":\"值 ✓ 🚀\"}"));
    }
}
