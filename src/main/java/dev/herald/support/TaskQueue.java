package dev.herald.support;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues db-scheduler one-time tasks with plain SQL, so that a task is queued in the caller's own
 * transaction: it exists if and only if that transaction commits. The instance id names the work,
 * so the same work cannot be queued twice.
 */
@Component
public class TaskQueue {

  private final JdbcClient jdbc;
  private final WorkSignal signal;

  TaskQueue(JdbcClient jdbc, WorkSignal signal) {
    this.jdbc = jdbc;
    this.signal = signal;
  }

  /** Queues the task unless one with this name and instance exists; true if it was queued. */
  public boolean enqueue(String taskName, String instance, Instant at, int priority) {
    boolean queued =
        jdbc.sql(
                    """
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,
                                             version, priority)
                VALUES (:taskName, :instance, :at, false, 1, :priority)
                ON CONFLICT (task_name, task_instance) DO NOTHING
                """)
                .param("taskName", taskName)
                .param("instance", instance)
                .param("at", Sql.ts(at))
                .param("priority", priority)
                .update()
            == 1;
    if (queued) {
      signal.newWorkAfterCommit();
    }
    return queued;
  }
}
