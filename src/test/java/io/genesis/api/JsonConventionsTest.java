package io.genesis.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonConventionsTest {

    @Test
    void nulIsFoundByItsPathInStringsAndMemberNamesAtAnyDepth() {
        assertEquals(Optional.empty(), nul("{\"a\":\"text\",\"b\":[1,\"x\",{\"c\":null}]}"));
        assertEquals(Optional.of("a"), nul("{\"a\":\"x\\u0000y\"}"));
        assertEquals(Optional.of("requirements.mvp_features[1]"), nul("{\"requirements\":{\"mvp_features\":[\"ok\",\"\\u0000\"]}}"));
        assertEquals(Optional.of("a[0][1].b"), nul("{\"a\":[[0,{\"b\":\"\\u0000\"}]]}"));
        assertEquals(Optional.of("simulate.*.k\\u0000"), nul("{\"simulate\":{\"*\":{\"k\\u0000\":1}}}"));
        assertEquals(Optional.of(""), nul("\"\\u0000\""));
    }

    private static Optional<String> nul(String json) {
        return JsonConventions.nulAt(JsonConventions.read(json));
    }
}
