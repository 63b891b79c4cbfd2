package io.genesis.routing;

import io.genesis.catalog.AgentProfile;
import io.genesis.catalog.AgentProfiles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents the router can choose from (by default {@link AgentProfiles#REFERENCE_PROFILES}): profiles by name, with
 * the Genesis code's agent names and the role names resolved through {@link AgentProfiles}' alias registries.
 */
@ApplicationScoped
public class AgentCatalogue {

    private final Map<String, AgentProfile> byName;

    public AgentCatalogue() {
        this(AgentProfiles.REFERENCE_PROFILES);
    }

    public AgentCatalogue(List<AgentProfile> profiles) {
        Map<String, AgentProfile> map = new LinkedHashMap<>();
        for (AgentProfile profile : profiles) {
            if (map.putIfAbsent(profile.name(), profile) != null) {
                throw new IllegalArgumentException("agent " + profile.name() + " is listed twice");
            }
        }
        byName = Collections.unmodifiableMap(map);
    }

    /** Every profile, in catalogue order (the order breaks ties). */
    public List<AgentProfile> all() {
        return List.copyOf(byName.values());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** Our name for an agent, also for a Genesis-code name such as {@code analyst_agent}. */
    public String canonicalName(String agent) {
        return AgentProfiles.AGENT_ALIASES.getOrDefault(agent, agent);
    }

    public Optional<AgentProfile> profile(String agent) {
        return Optional.ofNullable(byName.get(canonicalName(agent)));
    }

    /** The agent a role name resolves to through the alias registry, if it is in this catalogue. */
    public Optional<AgentProfile> forRole(String role) {
        return Optional.ofNullable(AgentProfiles.ROLE_ALIASES.get(role)).flatMap(this::profile);
    }

    /** Agents that support a task type: those listing it, then the agent its role alias names, in catalogue order. */
    public List<AgentProfile> supporting(String taskType) {
        List<AgentProfile> agents = new ArrayList<>(byName.values().stream()
                .filter(p -> p.taskTypes().contains(taskType)).toList());
        forRole(taskType).filter(p -> !agents.contains(p)).ifPresent(agents::add);
        return agents;
    }

    public boolean supports(String agent, String taskType) {
        return profile(agent).map(p -> supporting(taskType).contains(p)).orElse(false);
    }
}
