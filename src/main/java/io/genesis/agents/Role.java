package io.genesis.agents;

import io.genesis.runtime.PermanentFailure;

/** The work of one agent role: deterministic in the brief (an LLM-backed role falls back to deterministic work). */
@FunctionalInterface
interface Role {

    Artefact perform(TaskBrief brief) throws InterruptedException, PermanentFailure;
}
