package io.genesis.it;

import io.genesis.results.TaskResultRecord;
import io.genesis.results.TaskResultStore;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs inside Liberty: the CDI store persists through JPA/Hibernate into the migrated PostgreSQL schema. */
@ExtendWith(ArquillianExtension.class)
class TaskResultStoreInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "task-result-store-it.war")
                .addClasses(TaskResultStore.class, TaskResultRecord.class)
                .addAsResource("arquillian/persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    TaskResultStore store;

    @Test
    void recordsATerminalTaskOnceAndReadsItBack() {
        String taskId = UUID.randomUUID().toString();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TaskResultRecord row = new TaskResultRecord(taskId, "genesis.qa", "qa_agent", "tenant-a", "corr-1", "success", created);
        row.setAttempts(2);
        row.setDurationSeconds(1.25);
        row.setCostCents(new BigDecimal("12.5000"));
        row.setQualityScore(0.875);
        row.setInput("{\"spec\": \"x\"}");
        row.setOutput("{\"tests_passed\": 12}");
        row.setCompletedAt(created.plusSeconds(2));

        assertTrue(store.recordOnce(row), "first write stores the row");
        assertFalse(store.recordOnce(row), "a redelivery never adds a second row");

        TaskResultRecord stored = store.find(taskId).orElseThrow();
        assertEquals("tenant-a", stored.getTenantId());
        assertEquals(2, stored.getAttempts());
        assertEquals(0, new BigDecimal("12.5").compareTo(stored.getCostCents()));
        assertEquals(0.875, stored.getQualityScore());
        assertTrue(stored.getOutput().contains("\"tests_passed\": 12"), stored.getOutput());
        assertEquals(created, stored.getCreatedAt());
    }
}
