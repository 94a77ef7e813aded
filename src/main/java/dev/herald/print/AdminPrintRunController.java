package dev.herald.print;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /admin/print-runs}: the last {@value #RUNS} print runs, newest first, each with what
 * it put in its batches (letters and sheets, by postage) beside what its provider took and
 * rejected, and the batches still waiting or refused.
 */
@RestController
class AdminPrintRunController {

  static final int RUNS = 50;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AdminPrintRunController(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @GetMapping("/admin/print-runs")
  Map<String, Object> list() {
    List<Map<String, Object>> runs =
        jdbc.sql(
                """
                SELECT r.id, r.run_day, r.deadline, r.provider, r.started_at, r.letters, r.sheets,
                       CAST(r.by_postage AS text) AS by_postage,
                       count(b.id) AS batches,
                       count(b.id) FILTER (WHERE b.status = 'planned') AS batches_waiting,
                       count(b.id) FILTER (WHERE b.status = 'failed') AS batches_failed,
                       coalesce(sum(b.taken), 0) AS handed_over,
                       coalesce(sum(b.rejected), 0) AS rejected
                  FROM print_runs r LEFT JOIN print_batches b ON b.run_id = r.id
                 GROUP BY r.id
                 ORDER BY r.run_day DESC
                 LIMIT :limit
                """)
            .param("limit", RUNS)
            .query(
                (rs, i) -> {
                  Map<String, Object> run = new LinkedHashMap<>();
                  run.put("id", rs.getObject("id"));
                  run.put("run_day", rs.getObject("run_day").toString());
                  run.put("deadline", Timestamps.format(Sql.instant(rs, "deadline")));
                  run.put("provider", rs.getString("provider"));
                  run.put("started_at", Timestamps.format(Sql.instant(rs, "started_at")));
                  run.put("letters", rs.getInt("letters"));
                  run.put("sheets", rs.getInt("sheets"));
                  run.put("by_postage", json.readTree(rs.getString("by_postage")));
                  run.put("batches", rs.getInt("batches"));
                  run.put("batches_waiting", rs.getInt("batches_waiting"));
                  run.put("batches_failed", rs.getInt("batches_failed"));
                  run.put("handed_over", rs.getInt("handed_over"));
                  run.put("rejected", rs.getInt("rejected"));
                  return run;
                })
            .list();
    return Map.of("print_runs", runs);
  }
}
