package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HandlerRegistryTest {

    private record Handler(Set<String> agents, int priority) implements AgentHandler {
        @Override
        public boolean handles(String agent) {
            return agents.isEmpty() || agents.contains(agent);
        }

        @Override
        public AgentResult handle(TaskContext task) {
            return AgentResult.of(jakarta.json.JsonValue.NULL);
        }
    }

    private final Handler fallback = new Handler(Set.of(), AgentHandler.FALLBACK_PRIORITY);
    private final Handler dedicated = new Handler(Set.of("genesis_meta_agent"), AgentHandler.DEFAULT_PRIORITY);

    @Test
    void aDedicatedHandlerWinsOverTheFallbackWhateverTheOrderFound() {
        assertSame(dedicated, HandlerRegistry.choose(Stream.of(fallback, dedicated), "genesis_meta_agent"));
        assertSame(dedicated, HandlerRegistry.choose(Stream.of(dedicated, fallback), "genesis_meta_agent"));
    }

    @Test
    void anAgentWithoutADedicatedHandlerGetsTheFallback() {
        assertSame(fallback, HandlerRegistry.choose(Stream.of(dedicated, fallback), "qa_agent"));
    }

    @Test
    void amongEqualPrioritiesTheFirstFoundWins() {
        Handler other = new Handler(Set.of("genesis_meta_agent"), AgentHandler.DEFAULT_PRIORITY);
        assertSame(dedicated, HandlerRegistry.choose(Stream.of(dedicated, other), "genesis_meta_agent"));
    }

    @Test
    void noHandlerAtAllIsAnError() {
        assertThrows(IllegalStateException.class, () -> HandlerRegistry.choose(Stream.of(dedicated), "qa_agent"));
    }
}
