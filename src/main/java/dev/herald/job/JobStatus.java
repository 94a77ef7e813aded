package dev.herald.job;

import dev.herald.support.Sql;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.SqlTypeValue;

/** Notify's job statuses, by their names (notify-jobs.md §5.2). */
public enum JobStatus {
  PENDING("pending"),
  SCHEDULED("scheduled"),
  IN_PROGRESS("in progress"),
  FINISHED("finished"),
  /** Every row is a notification: in Herald a job reaches it as it finishes, no repair needed. */
  FINISHED_ALL_CREATED("finished all notifications created"),
  SENDING_LIMITS_EXCEEDED("sending limits exceeded"),
  CANCELLED("cancelled"),
  /**
   * Its runs failed {@code herald.jobs.error-after-attempts} times in a row: it is still tried
   * again, and the run that gets through moves it back to {@code in progress}.
   */
  ERROR("error");

  /** The statuses of a job that has still to read its file (or may read it again). */
  static final List<JobStatus> READING_FILE = List.of(PENDING, SCHEDULED, IN_PROGRESS, ERROR);

  private final String value;

  JobStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** {@link #READING_FILE} as a {@code text[]} parameter. */
  static SqlTypeValue readingFileSql() {
    return Sql.array("text", READING_FILE.stream().map(JobStatus::value).toList());
  }

  public static JobStatus of(String value) {
    return Arrays.stream(values())
        .filter(s -> s.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown job status " + value));
  }
}
