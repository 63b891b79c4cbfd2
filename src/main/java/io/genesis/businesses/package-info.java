/**
 * The Meta-Agent: intake, one control class per use case (plan, task finished, advance, review, approvals) behind the
 * thin {@code genesis_meta_agent} handler, and the lifecycle rules. Never runs agent work, JDBC or Redis itself.
 */
package io.genesis.businesses;
