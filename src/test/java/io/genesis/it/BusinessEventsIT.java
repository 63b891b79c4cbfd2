package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A business's Server-Sent Events fanned out from one subscription per worker: clients of the same business see the
 * same stream, and a client reconnecting with {@code Last-Event-ID} gets what it missed, nothing twice.
 */
class BusinessEventsIT {

    private static final String QUICK_BUSINESS =
            "{\"business_type\":\"content_website\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":50}}}}";

    /** Slow enough (300 ms per agent task, ~10 s in all) that streams opened at once follow it live. */
    private static final String SLOW_BUSINESS =
            "{\"business_type\":\"content_website\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":300}}}}";

    record Event(String name, String id, JsonObject data) {
    }

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    /**
     * The IT server re-reads a streamed business only once an hour (genesis.businesses.events-resync-seconds): these
     * streams reach their end only if the change notices fan out live.
     */
    @Test
    void twoClientsFollowingOneBusinessLiveGetTheSameEvents() throws Exception {
        String id = Businesses.create(SLOW_BUSINESS);
        CompletableFuture<List<Event>> first = CompletableFuture.supplyAsync(() -> events(id, null));
        CompletableFuture<List<Event>> second = CompletableFuture.supplyAsync(() -> events(id, null));
        assertFalse(Businesses.TERMINAL.contains(Businesses.get(id).getString("status")), "the streams start before the business ends");
        List<Event> one = first.get(120, TimeUnit.SECONDS);
        List<Event> other = second.get(120, TimeUnit.SECONDS);
        assertEquals("end", one.get(one.size() - 1).name(), one.toString());
        assertEquals(one.get(one.size() - 1), other.get(other.size() - 1));
        assertEquals(transitions(one), transitions(other));
        assertTrue(transitions(one).size() >= 3, one.toString());
        assertFalse(taskStatuses(one).isEmpty(), one.toString());
        assertEquals(taskStatuses(one), taskStatuses(other), "both end with every task's final status");
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedAndNothingTwice() {
        String id = Businesses.create(QUICK_BUSINESS);
        Businesses.awaitTerminal(id, Duration.ofSeconds(90));
        List<Event> full = events(id, null);
        int cut = indexOfMiddleTransition(full);
        List<Event> resumed = events(id, full.get(cut).id());

        List<JsonObject> transitionsAfter = full.subList(cut + 1, full.size()).stream()
                .filter(e -> e.name().equals("transition")).map(Event::data).toList();
        assertEquals(transitionsAfter, resumed.stream().filter(e -> e.name().equals("transition")).map(Event::data).toList());

        Map<String, String> seenAtCut = taskStatuses(full.subList(0, cut + 1));
        Map<String, String> finalStatus = taskStatuses(full);
        Map<String, String> expected = new LinkedHashMap<>();
        finalStatus.forEach((task, status) -> {
            if (!status.equals(seenAtCut.get(task))) {
                expected.put(task, status);
            }
        });
        List<Event> resumedTasks = resumed.stream().filter(e -> e.name().equals("task")).toList();
        assertEquals(expected.size(), resumedTasks.size(), "each missed task status once: " + resumedTasks);
        assertEquals(expected, taskStatuses(resumedTasks));
        assertEquals("end", resumed.get(resumed.size() - 1).name());
    }

    @Test
    void aClientThatSawEverythingButTheEndGetsOnlyTheEnd() {
        String id = Businesses.create(QUICK_BUSINESS);
        Businesses.awaitTerminal(id, Duration.ofSeconds(90));
        List<Event> full = events(id, null);
        List<Event> resumed = events(id, full.get(full.size() - 2).id());
        assertEquals(List.of("end"), resumed.stream().map(Event::name).toList(), resumed.toString());
    }

    @Test
    void anUnreadableLastEventIdReplaysFromTheStart() {
        String id = Businesses.create(QUICK_BUSINESS);
        Businesses.awaitTerminal(id, Duration.ofSeconds(90));
        assertEquals(events(id, null), events(id, "not a cursor"));
    }

    private static int indexOfMiddleTransition(List<Event> events) {
        List<Integer> transitions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals("transition")) {
                transitions.add(i);
            }
        }
        assertTrue(transitions.size() >= 3, events.toString());
        return transitions.get(transitions.size() / 2);
    }

    private static List<JsonObject> transitions(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("transition")).map(Event::data).toList();
    }

    private static Map<String, String> taskStatuses(List<Event> events) {
        Map<String, String> statuses = new LinkedHashMap<>();
        events.stream().filter(e -> e.name().equals("task"))
                .forEach(e -> statuses.put(e.data().getString("task_id"), e.data().getString("status")));
        return statuses;
    }

    /** The whole stream (it ends at the business's terminal status), as events. */
    private static List<Event> events(String businessId, String lastEventId) {
        Api.Reply reply = Api.get("/api/businesses/" + businessId + "/events",
                lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/event-stream"), reply.contentType());
        List<Event> events = new ArrayList<>();
        for (String block : reply.body().split("\n\n")) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            if (name != null) {
                assertFalse(id == null || id.isBlank(), "every event carries an id: " + block);
                try (var reader = Json.createReader(new StringReader(data.toString()))) {
                    events.add(new Event(name, id, reader.readObject()));
                }
            }
        }
        return events;
    }
}
