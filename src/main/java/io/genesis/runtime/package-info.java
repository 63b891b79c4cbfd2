/**
 * The event runtime on Redis Streams (the OmniDaemon part): agent registry, envelope, publishing, consumer loops with
 * batched begin/finish scripts (one call object per script), handler threads and the timeout watchdog, retries with
 * {@link io.genesis.retry.Backoff}, dead letters, and the task-result row ({@link io.genesis.runtime.TaskResultRow},
 * written and read over JDBC only by {@link io.genesis.runtime.TaskResultStore}), and the OpenTelemetry spans of
 * every hop, linked through the envelopes' W3C {@code traceparent} ({@link io.genesis.runtime.TaskTracing}), whose
 * trace and task ids end the application's log lines ({@link io.genesis.runtime.TraceLogLines}).
 * Must not know businesses, payments, agents or quality: it runs {@link io.genesis.runtime.AgentHandler}s only, and
 * must not ack a task whose outcome is not recorded in the same atomic script call.
 */
package io.genesis.runtime;
