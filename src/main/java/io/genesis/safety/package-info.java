/**
 * Safety rules as pure functions: the WaltzRL gate that scores a task before it runs, and credential redaction.
 * Must not block, escalate or log anything itself (the orchestrator acts on the verdict), nor call remote services.
 */
package io.genesis.safety;
