package dev.herald.job;

import dev.herald.files.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly removal of uploaded files past their service's retention (Notify's {@code
 * remove_sms_email_jobs} and {@code remove_letter_jobs}, notify-jobs.md §5.8; one task here, since
 * each upload's {@code expires_at} already holds the retention of its template's type). A file that
 * a job has still to read stays. Each batch is locked, archived (the upload and its job: the job
 * row stays, with its counts) and its files deleted in one transaction, committed after the
 * deletes: a crash or a store failure leaves the batch not archived, to be done again (deleting an
 * absent file is no error), and never an archived upload whose file is still kept. Two runs at once
 * skip each other's batches.
 */
@Component
class ExpiredUploads {

  /** Uploads per transaction, their rows locked while their files are deleted one by one. */
  static final int BATCH = 100;

  private static final Logger log = LoggerFactory.getLogger(ExpiredUploads.class);

  private final UploadRepository uploads;
  private final JobRepository jobs;
  private final ObjectStore store;
  private final TransactionTemplate tx;
  private final Clock clock;

  ExpiredUploads(
      UploadRepository uploads,
      JobRepository jobs,
      ObjectStore store,
      TransactionTemplate tx,
      Clock clock) {
    this.uploads = uploads;
    this.jobs = jobs;
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  /** Removes every expired file not still to be read; answers how many uploads it archived. */
  int run() {
    Instant now = clock.instant();
    int archived = 0;
    Batch batch;
    do {
      batch = tx.execute(status -> batch(now));
      archived += batch.archived();
    } while (batch.locked() > 0);
    log.info("Expired uploads: {} files removed", archived);
    return archived;
  }

  private record Batch(int locked, int archived) {}

  private Batch batch(Instant now) {
    List<UUID> locked = uploads.lockExpired(now, BATCH);
    if (locked.isEmpty()) {
      return new Batch(0, 0);
    }
    Map<UUID, String> files = uploads.archive(locked);
    jobs.archive(files.keySet());
    files.values().forEach(store::delete);
    return new Batch(locked.size(), files.size());
  }
}
