package io.genesis.routing;

/** A task DAAO moved to a cheaper agent, and what that saves in USD. */
public record Reassignment(String taskId, String fromAgent, String toAgent, double costSavingUsd) {
}
