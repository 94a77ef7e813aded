package dev.herald.job;

import java.util.Arrays;

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
  ERROR("error");

  private final String value;

  JobStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static JobStatus of(String value) {
    return Arrays.stream(values())
        .filter(s -> s.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown job status " + value));
  }
}
