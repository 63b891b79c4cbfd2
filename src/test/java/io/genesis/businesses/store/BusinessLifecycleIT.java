package io.genesis.businesses.store;

import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.DagTaskStatus;
import io.genesis.businesses.BusinessChangeNotices;
import io.genesis.businesses.IllegalTransition;
import io.genesis.it.Await;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The business store against the integration-test PostgreSQL (schema migrated by the server): guarded moves. */
class BusinessLifecycleIT {

    private static final JsonObject REQUIREMENTS = Json.createObjectBuilder().add("name", "Guarded").build();
    private static BusinessStore store;

    @BeforeAll
    static void store() {
        Await.ready();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL("jdbc:postgresql://127.0.0.1:" + Integer.getInteger("genesis.it.postgres.port", 15432) + "/genesis");
        postgres.setUser("genesis");
        postgres.setPassword("genesis");
        store = new BusinessStore();
        store.dataSource = postgres;
        store.notices = new BusinessChangeNotices() {
            @Override
            public void changed(String businessId) {
                // no event streams outside the server
            }
        };
    }

    @Test
    void aMoveTheLifecycleDoesNotAllowIsRefusedAndNothingOfItsTransactionIsWritten() {
        String id = business();
        IllegalTransition refused = assertThrows(IllegalTransition.class, () -> store.change(id, business -> {
            business.ideaGenerated(REQUIREMENTS, "idea");
            business.startExecuting("skipping the rest of the plan");
            return null;
        }));
        assertEquals(BusinessStatus.GENERATING_IDEA, refused.from());
        assertEquals(BusinessStatus.EXECUTING, refused.to());
        BusinessRecord after = store.find(id).orElseThrow();
        assertEquals(BusinessStatus.INITIALIZING, after.status());
        assertNull(after.requirements(), "the idea of the refused transaction is not kept either");
        assertEquals(List.of(BusinessStatus.INITIALIZING), states(id));
        end(id);
    }

    @Test
    void nothingFollowsATerminalStatus() {
        String id = business();
        store.change(id, business -> {
            business.fail("planning rejected the request", null);
            return null;
        });
        assertThrows(IllegalTransition.class, () -> store.change(id, business -> {
            business.startDeploying("too late");
            return null;
        }));
        BusinessRecord failed = store.find(id).orElseThrow();
        assertEquals(BusinessStatus.FAILED, failed.status());
        assertEquals("planning rejected the request", failed.errorMessage());
        assertTrue(failed.executionTimeSeconds() != null && failed.completedAt() != null, "terminal timing recorded");
        assertEquals(List.of(BusinessStatus.INITIALIZING, BusinessStatus.FAILED), states(id));
    }

    @Test
    void aTaskOutcomeIsRecordedOnceAndAPublishedMarkNeverTurnsItBack() {
        String id = business();
        store.change(id, business -> {
            business.ideaGenerated(REQUIREMENTS, "idea");
            business.teamComposed(Json.createObjectBuilder().add("agents", Json.createArrayBuilder().add("qa_agent")).build(), "team");
            business.tasksDecomposed(List.of(new BusinessTask(id, "t1", UUID.randomUUID().toString(), 0, "qa", "test it",
                    "qa_agent", List.of(), true, DagTaskStatus.READY, null, null, null, null, null, 0, null, null, null,
                    null, null, null)), "one task");
            business.routed(Json.createObjectBuilder().build(), "routed");
            business.validating("valid");
            business.startExecuting("executing 1 task");
            return null;
        });
        boolean first = store.change(id, business -> business.recordTaskOutcome("t1", DagTaskStatus.COMPLETED, 1,
                Json.createValue("first"), null, 0.9, "gpt-4o-mini-it"));
        boolean duplicate = store.change(id, business -> business.recordTaskOutcome("t1", DagTaskStatus.FAILED, 2,
                Json.createValue("duplicate"), "late", null, "another-model"));
        boolean latePublish = store.change(id, business -> business.markPublished("t1"));
        assertTrue(first);
        assertFalse(duplicate, "a duplicate notice changes nothing");
        assertFalse(latePublish, "a late publish mark changes nothing");
        BusinessTask task = store.tasks(id).get(0);
        assertEquals(DagTaskStatus.COMPLETED, task.status());
        assertEquals(Json.createValue("first"), task.result());
        assertEquals("gpt-4o-mini-it", task.model(), "the model that did the work is on the DAG row");
        end(id);
    }

    private static String business() {
        String id = "biz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        store.create(id, "lifecycle-it", "saas_tool", true, null, Json.createObjectBuilder().add("business_type", "saas_tool").build(), Integer.MAX_VALUE);
        return id;
    }

    /** Leaves the business terminal, so the stalled-create sweeper does not plan it. */
    private static void end(String id) {
        store.change(id, business -> {
            business.fail("test over", null);
            return null;
        });
    }

    private static List<BusinessStatus> states(String id) {
        return store.transitions(id, 0).stream().map(t -> t.state()).toList();
    }
}
