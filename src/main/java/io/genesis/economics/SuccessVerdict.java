package io.genesis.economics;

/**
 * Whether a business run succeeded, and why.
 *
 * @param successful     all criteria hold
 * @param reason         the first criterion that failed, or a summary of the success
 * @param completed      completed tasks
 * @param total          all tasks
 * @param completionRate completed / total (0 without tasks)
 */
public record SuccessVerdict(boolean successful, String reason, int completed, int total, double completionRate) {
}
