package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Collection;
import java.util.List;

/** Resolves a topic named in a path or query to its agent; an unknown topic is a 404 listing the valid ones. */
@ApplicationScoped
class KnownTopics {

    @Inject
    AgentRegistry agents;

    AgentPolicy require(String topic) {
        return agents.byTopic(topic).orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                        "Unknown topic '" + topic + "'. Valid topics: " + String.join(", ", agents.topics()))
                .with("valid_topics", agents.topics())));
    }

    /** Every agent, or only the one of {@code topic} when it is given (blank counts as not given). */
    Collection<AgentPolicy> allOrOne(String topic) {
        return topic == null || topic.isBlank() ? agents.all() : List.of(require(topic));
    }
}
