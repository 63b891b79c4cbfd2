package io.genesis.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * What an agent is made of, for team composition (the swarm in {@code io.genesis.teams} scores how well two fit).
 *
 * @param agent               name in our agent registry
 * @param group               genotype group (kin)
 * @param modules             architectural modules; shared modules make two agents compatible
 * @param capabilities        what the agent can do, matched against a business's required capabilities
 * @param signatureCapability the capability an archetype means when it lists this agent as required
 */
public record AgentGenotype(String agent, GenotypeGroup group, Set<String> modules, Set<String> capabilities,
                            String signatureCapability) {

    public AgentGenotype {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(group, "group");
        modules = Set.copyOf(modules);
        capabilities = Set.copyOf(capabilities);
        if (!capabilities.contains(signatureCapability)) {
            throw new IllegalArgumentException(agent + ": signature capability must be one of its capabilities");
        }
    }
}
