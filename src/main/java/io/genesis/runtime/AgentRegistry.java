package io.genesis.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agents and their policies, read from MicroProfile Config ({@code genesis.agents} lists the names; each has
 * {@code genesis.agents.<name>.topic|max-retries|retry-delay-seconds|timeout-seconds|consumers}).
 */
@ApplicationScoped
public class AgentRegistry {

    private static final Logger LOG = Logger.getLogger(AgentRegistry.class.getName());

    private Map<String, AgentPolicy> byAgent;
    private Map<String, AgentPolicy> byTopic;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        Optional<Integer> consumersOverride = config.getOptionalValue("genesis.runtime.consumers-override", Integer.class);
        Map<String, AgentPolicy> agents = new LinkedHashMap<>();
        Map<String, AgentPolicy> topics = new LinkedHashMap<>();
        for (String name : config.getValues("genesis.agents", String.class)) {
            String prefix = "genesis.agents." + name.trim() + ".";
            AgentPolicy policy = new AgentPolicy(name.trim(),
                    config.getValue(prefix + "topic", String.class),
                    config.getValue(prefix + "max-retries", Integer.class),
                    config.getValue(prefix + "retry-delay-seconds", Double.class),
                    config.getValue(prefix + "timeout-seconds", Integer.class),
                    consumersOverride.orElseGet(() -> config.getValue(prefix + "consumers", Integer.class)));
            if (topics.putIfAbsent(policy.topic(), policy) != null) {
                throw new IllegalStateException("topic " + policy.topic() + " is configured for two agents: "
                        + topics.get(policy.topic()).agent() + " and " + policy.agent());
            }
            agents.put(policy.agent(), policy);
        }
        byAgent = Collections.unmodifiableMap(agents);
        byTopic = Collections.unmodifiableMap(topics);
        LOG.info("Agent registry: " + byAgent.size() + " agents on " + byTopic.size() + " topics");
    }

    public Collection<AgentPolicy> all() {
        return byAgent.values();
    }

    public Optional<AgentPolicy> byTopic(String topic) {
        return Optional.ofNullable(byTopic.get(topic));
    }

    public Optional<AgentPolicy> byAgent(String agent) {
        return Optional.ofNullable(byAgent.get(agent));
    }

    public List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }
}
