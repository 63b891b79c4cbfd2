package io.genesis.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Writes and reads {@code omnidaemon_task_results}; a second write for the same task id is a no-op. */
@ApplicationScoped
public class TaskResultStore {

    @PersistenceContext(unitName = "genesis")
    EntityManager em;

    /** Inserts the row unless one exists for its task id; true when this call wrote it. */
    @Transactional
    public boolean recordOnce(TaskResultRecord record) {
        if (em.find(TaskResultRecord.class, record.getTaskId()) != null) {
            return false;
        }
        em.persist(record);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskResultRecord> find(String taskId) {
        return Optional.ofNullable(em.find(TaskResultRecord.class, taskId));
    }
}
