package io.genesis.payments.sim;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's failure switch of each simulated vendor: for a while (a window with an end, at most a day), every
 * request to that vendor, the unpaid quote as much as the paid one, answers the chosen HTTP status and settles nothing,
 * as a vendor that is down would. Held in this server's memory, like the vendor it simulates: the window applies to the
 * requests this server's {@code /sim/x402/vendors/<vendor>/} receives (the URL agents buy at is
 * {@code genesis.payments.sim.base-url}); a restart ends it.
 */
@ApplicationScoped
public class SimulatedVendorOutages {

    /** The statuses a window may answer with: the server errors and throttling a real vendor fails with. */
    public static final Set<Integer> STATUSES = Set.of(429, 500, 502, 503, 504);
    public static final long MAX_SECONDS = 86_400;

    /** One failure window: its status, when it began and ends, and how many requests it refused so far. */
    public record Window(String vendor, int status, Instant since, Instant until, long refused) {

        public long remainingSeconds(Instant now) {
            return Math.max(0, Duration.between(now, until).toSeconds());
        }
    }

    private record Held(int status, Instant since, Instant until, AtomicLong refused) {
    }

    private final Map<String, Held> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public SimulatedVendorOutages() {
        this(Clock.systemUTC());
    }

    SimulatedVendorOutages(Clock clock) {
        this.clock = clock;
    }

    /** Starts (or replaces) the window of {@code vendor}: it answers {@code status} for {@code seconds} from now. */
    public Window start(String vendor, int status, long seconds) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be between 1 and " + MAX_SECONDS);
        }
        Instant now = clock.instant();
        Held held = new Held(status, now, now.plusSeconds(seconds), new AtomicLong());
        windows.put(vendor, held);
        return view(vendor, held);
    }

    /** The open window of {@code vendor}, if any (an ended one is forgotten). */
    public Optional<Window> current(String vendor) {
        return open(vendor).map(held -> view(vendor, held));
    }

    /** Ends the window of {@code vendor} now; false when none was open. */
    public boolean end(String vendor) {
        Optional<Held> open = open(vendor);
        windows.remove(vendor);
        return open.isPresent();
    }

    /** The status to refuse this request with when {@code vendor}'s window is open (and counts it), else empty. */
    Optional<Integer> refuse(String vendor) {
        return open(vendor).map(held -> {
            held.refused().incrementAndGet();
            return held.status();
        });
    }

    private Optional<Held> open(String vendor) {
        Held held = windows.get(vendor);
        if (held == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(held.until())) {
            windows.remove(vendor, held);
            return Optional.empty();
        }
        return Optional.of(held);
    }

    private static Window view(String vendor, Held held) {
        return new Window(vendor, held.status(), held.since(), held.until(), held.refused().get());
    }
}
