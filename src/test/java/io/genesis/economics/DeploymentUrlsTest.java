package io.genesis.economics;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.genesis.economics.TaskOutcome.Status.COMPLETED;
import static io.genesis.economics.TaskOutcome.Status.FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeploymentUrlsTest {

    private static final String BUSINESS = "3f2a9c1d-7b44-4e0a-9c1e-0d5e2b7a9f10";
    private final DeploymentUrls urls = new DeploymentUrls();

    @Test
    void deploymentUrlWinsOverAnEarlierPlainUrl() {
        List<TaskOutcome> outcomes = List.of(
                completed("docs", Json.createObjectBuilder().add("url", "https://docs.example.com").build()),
                completed("deploy", Json.createObjectBuilder().add("deployment_url", "https://shop.vercel.app").build()));
        assertEquals(Optional.of("https://shop.vercel.app"), urls.extract(BUSINESS, outcomes, true));
    }

    @Test
    void plainUrlWhenNoDeploymentUrl() {
        List<TaskOutcome> outcomes = List.of(
                completed("build", Json.createObjectBuilder().add("deployment_url", " ").build()),
                completed("deploy", Json.createObjectBuilder().add("url", "https://app.onrender.com").build()));
        assertEquals(Optional.of("https://app.onrender.com"), urls.extract(BUSINESS, outcomes, false));
    }

    @Test
    void aFailedTasksUrlDoesNotCount() {
        List<TaskOutcome> outcomes = List.of(new TaskOutcome("deploy", FAILED, true,
                Json.createObjectBuilder().add("deployment_url", "https://broken.vercel.app").build()));
        assertEquals(Optional.empty(), urls.extract(BUSINESS, outcomes, false));
    }

    @Test
    void simulationFallsBackToTheFirstEightCharactersOfTheBusinessId() {
        assertEquals(Optional.of("https://simulated-3f2a9c1d.vercel.app"),
                urls.extract(BUSINESS, List.of(completed("build", null)), true));
    }

    private static TaskOutcome completed(String id, jakarta.json.JsonObject result) {
        return new TaskOutcome(id, COMPLETED, false, result);
    }
}
