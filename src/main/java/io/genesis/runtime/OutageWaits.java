package io.genesis.runtime;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.OutageClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A handler that failed because a dependency is out of reach (PostgreSQL or Redis, as an {@link OutageClassifier}
 * recognises it: the same test that answers 503 at the API) has not failed its attempt: the task waits the outage out.
 * The same attempt runs again after {@code genesis.runtime.outage-retry-seconds} (half of it fixed, half random), not
 * counted against the agent's {@code max-retries}, for up to {@code genesis.runtime.outage-wait-max-seconds} from the
 * first failure of that outage; after that the failure counts as an ordinary failed attempt (retried, finally
 * dead-lettered). The history keeps one entry per outage and attempt, "waiting for &lt;dependency&gt; since …", whose
 * time is when the wait began. A {@link PermanentFailure} never waits; an {@link AttemptDeferred} waits the same way.
 */
@ApplicationScoped
public class OutageWaits {

    static final String WAITING = "waiting for ";

    @Inject
    @Any
    Instance<OutageClassifier> classifiers;

    @Inject
    @ConfigProperty(name = "genesis.runtime.outage-retry-seconds")
    double retrySeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.outage-wait-max-seconds")
    long maxWaitSeconds;

    /** The attempt waits for {@code dependency}; run it again in {@code delayMs}, with this history. */
    public record Wait(String dependency, List<TaskState.Attempt> history, long delayMs) {
    }

    /**
     * The wait for {@code failure} of attempt {@code attempt}, or empty when it is no outage, or the task has waited for
     * this outage longer than allowed.
     */
    public Optional<Wait> of(Exception failure, int attempt, List<TaskState.Attempt> history, String error, String workerId,
                             AttemptSpend spend) {
        if (failure instanceof PermanentFailure) {
            return Optional.empty();
        }
        Optional<String> dependency = dependency(failure);
        if (dependency.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        List<TaskState.Attempt> before = new ArrayList<>(history);
        Instant since = now;
        TaskState.Attempt last = before.isEmpty() ? null : before.get(before.size() - 1);
        if (last != null && last.attempt() == attempt && last.error() != null && last.error().startsWith(WAITING)) {
            since = parse(last.at()).orElse(now);
            before.remove(before.size() - 1);
        }
        if (Duration.between(since, now).toSeconds() >= maxWaitSeconds) {
            return Optional.empty();
        }
        BigDecimal spent = spend.cents();
        before.add(new TaskState.Attempt(attempt, WAITING + dependency.get() + " since " + since + ": " + error, since.toString(), workerId,
                spent.signum() == 0 ? null : spent, spend.model()));
        long base = Math.max(1, Math.round(retrySeconds * 1000));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Optional.of(new Wait(dependency.get(), List.copyOf(before), delay));
    }

    private Optional<String> dependency(Exception failure) {
        if (failure instanceof AttemptDeferred deferred) {
            return Optional.of(deferred.waitingFor());
        }
        for (OutageClassifier classifier : classifiers) {
            Optional<DependencyUnavailable> outage = classifier.classify(failure);
            if (outage.isPresent()) {
                return Optional.of(String.valueOf(outage.get().extensions().getOrDefault("dependency", "a dependency")));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> parse(String at) {
        try {
            return Optional.of(Instant.parse(at));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
