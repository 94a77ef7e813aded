package dev.herald.job;

import dev.herald.testdata.Herald;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A checked upload of numbered email rows, and what a job made of it stored. */
final class JobRows {

  private JobRows() {}

  /**
   * An email template {@code Dear ((name))} of the service and a valid upload of {@code rows} rows
   * for it, {@code person<i>@example.gov.uk}; answers the upload's id (the template is the
   * upload's).
   */
  static UUID upload(Herald herald, UUID service, int rows) {
    UUID template = herald.template(service, "email", "Hello", "Dear ((name))");
    return herald.validUpload(service, template, "people.csv", Herald.emailRows(rows));
  }

  /** The job's notifications: {@code rows}, {@code distinct_rows}, {@code first}, {@code last}. */
  static Map<String, Object> stored(JdbcClient jdbc, UUID job) {
    return jdbc.sql(
            """
            SELECT count(*) AS rows, count(DISTINCT job_row_number) AS distinct_rows,
                   min(job_row_number) AS first, max(job_row_number) AS last
              FROM notifications WHERE job_id = :job
            """)
        .param("job", job)
        .query()
        .singleRow();
  }
}
