package io.genesis.teams;

import java.util.Objects;
import java.util.Set;

/**
 * What an agent is made of, for team composition.
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

    /**
     * {@code min(1, |modules in common| / |modules of either| * (1.5 if same group else 1))}; 1 with itself.
     */
    public double compatibility(AgentGenotype other) {
        if (agent.equals(other.agent)) {
            return 1.0;
        }
        long shared = modules.stream().filter(other.modules::contains).count();
        long union = modules.size() + other.modules.size() - shared;
        double overlap = union == 0 ? 0.0 : (double) shared / union;
        return Math.min(1.0, overlap * (group == other.group ? InclusiveFitnessSwarm.KIN_BONUS : 1.0));
    }
}
