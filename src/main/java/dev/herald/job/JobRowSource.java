package dev.herald.job;

import dev.herald.notification.JobNotifications;
import java.util.function.Consumer;

/**
 * Where a job's rows are read from: its checked file, read again from the start for each run of its
 * processing (a job resumes by skipping the rows it has done), one row at a time.
 */
public interface JobRowSource {

  /** Hands the rows of the job's file to {@code row}, in order, each with its 0-based index. */
  void read(StoredJob job, Consumer<JobNotifications.Row> row);
}
