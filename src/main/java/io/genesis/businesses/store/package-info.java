/**
 * The Meta-Agent's persistence: businesses, their lifecycle transitions, task DAGs and approvals (plain JDBC), spoken in
 * intents, with every lifecycle move guarded. The only JDBC of the businesses component; holds no workflow decisions.
 */
package io.genesis.businesses.store;
