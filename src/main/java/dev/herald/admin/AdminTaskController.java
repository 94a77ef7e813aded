package dev.herald.admin;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.herald.api.ApiException;
import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periodic tasks (once per cluster, on db-scheduler): when each last ran and runs next, and a
 * way to run one now. Also how much one-off work (deliveries, callbacks) is queued, by kind.
 */
@RestController
class AdminTaskController {

  private static final String RECURRING = "recurring";

  private final JdbcClient jdbc;
  private final SchedulerClient scheduler;
  private final Clock clock;

  AdminTaskController(JdbcClient jdbc, SchedulerClient scheduler, Clock clock) {
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @GetMapping("/admin/tasks")
  Map<String, Object> list() {
    List<Map<String, Object>> periodic =
        jdbc.sql(
                """
                SELECT task_name, execution_time, last_success, last_failure, consecutive_failures,
                       picked, picked_by
                  FROM scheduled_tasks WHERE task_instance = :recurring ORDER BY task_name
                """)
            .param("recurring", RECURRING)
            .query(
                (rs, row) -> {
                  Map<String, Object> task = new LinkedHashMap<>();
                  task.put("name", rs.getString("task_name"));
                  task.put("next_run", Timestamps.format(Sql.instant(rs, "execution_time")));
                  task.put("last_success", Timestamps.format(Sql.instant(rs, "last_success")));
                  task.put("last_failure", Timestamps.format(Sql.instant(rs, "last_failure")));
                  task.put("consecutive_failures", rs.getInt("consecutive_failures"));
                  task.put("running", rs.getBoolean("picked"));
                  task.put("running_on", rs.getString("picked_by"));
                  return task;
                })
            .list();
    Map<String, Long> queued = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT task_name, count(*) FROM scheduled_tasks
             WHERE task_instance <> :recurring GROUP BY task_name ORDER BY task_name
            """)
        .param("recurring", RECURRING)
        .query((rs, row) -> queued.put(rs.getString(1), rs.getLong(2)))
        .list();
    queued.put(
        "deliver", jdbc.sql("SELECT count(*) FROM delivery_queue").query(Long.class).single());
    return Map.of("tasks", periodic, "queued", queued);
  }

  @PostMapping("/admin/tasks/{name}/run")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> run(@PathVariable String name) {
    TaskInstanceId id = TaskInstanceId.of(name, RECURRING);
    var execution = scheduler.getScheduledExecution(id).orElseThrow(ApiException::noResultFound);
    if (execution.isPicked()) {
      throw new ApiException(409, "BadRequestError", "Task " + name + " is running now");
    }
    scheduler.reschedule(id, clock.instant());
    return Map.of("name", name, "status", "queued to run now");
  }
}
