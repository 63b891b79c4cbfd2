package io.genesis.payments.chain;

import java.util.Optional;

/** What the chain says about one authorization, as of block {@code block}. */
public sealed interface SettlementFinding {

    long block();

    /** The nonce is used: the transfer happened; {@code transaction} when its {@code AuthorizationUsed} log was found. */
    record Settled(long block, Optional<String> transaction) implements SettlementFinding {
    }

    /** Unused, and the block's time is at or past {@code validBefore}: no later block can settle it. */
    record Expired(long block, long blockTime) implements SettlementFinding {
    }

    /** Unused but still valid: it may yet settle; ask again later. */
    record Pending(long block, long blockTime) implements SettlementFinding {
    }
}
