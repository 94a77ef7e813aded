package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.limit.DailyLimiter;
import dev.herald.notification.JobNotifications;
import dev.herald.notification.SenderLookup;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.support.RedactedThrowable;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a job's rows into notifications ({@value #TASK} task, one per job, due now or at its {@code
 * scheduled_for}). Each batch of rows ({@code herald.jobs.batch-rows}, 2,000) is stored in the
 * transaction that moves the job's {@code rows_done} on from where the batch before left it, up to
 * {@code herald.jobs.storing-threads} (2) batches at once, committed in order: after a crash the
 * task runs again and resumes at the first row not done. Of two runs at once, a row is stored by
 * one only ({@code rows_done} and the unique {@code (job_id, job_row_number)}): the run whose batch
 * finds the job moved on stops, and one whose rows the other stored first fails and is tried again,
 * resuming where the job got to. The last batch finishes the job: every row is then a notification.
 */
@Component
class JobProcessor {

  static final String TASK = "process-job";

  private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);

  /** How long a batch waits for the one before it to reach the job before the run gives up. */
  private static final Duration BATCH_BEFORE_WAIT = Duration.ofMinutes(5);

  private final JobRepository jobs;
  private final UploadRepository uploads;
  private final JobRowSource source;
  private final JobNotifications notifications;
  private final ServiceRepository services;
  private final TemplateCache templates;
  private final TransactionTemplate tx;
  private final DailyLimiter limits;
  private final SenderLookup senders;
  private final int batchRows;
  private final int storingThreads;
  private final int errorAfterAttempts;
  private final Clock clock;

  JobProcessor(
      JobRepository jobs,
      UploadRepository uploads,
      JobRowSource source,
      JobNotifications notifications,
      ServiceRepository services,
      TemplateCache templates,
      TransactionTemplate tx,
      DailyLimiter limits,
      SenderLookup senders,
      @Value("${herald.jobs.batch-rows}") int batchRows,
      @Value("${herald.jobs.storing-threads}") int storingThreads,
      @Value("${herald.jobs.error-after-attempts}") int errorAfterAttempts,
      Clock clock) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.source = source;
    this.notifications = notifications;
    this.services = services;
    this.templates = templates;
    this.tx = tx;
    this.limits = limits;
    this.senders = senders;
    this.batchRows = batchRows;
    this.storingThreads = Math.max(1, storingThreads);
    this.errorAfterAttempts = Math.max(1, errorAfterAttempts);
    this.clock = clock;
  }

  /** A scheduled job whose time has not come (the clock of the instance that ran it is behind). */
  static final class NotYet extends RuntimeException {
    final Instant due;

    NotYet(Instant due) {
      super("due at " + due, null, false, false);
      this.due = due;
    }
  }

  void process(UUID jobId) {
    StoredJob job = jobs.find(jobId).orElse(null);
    if (job != null
        && job.status() == JobStatus.SCHEDULED
        && job.scheduledFor().isAfter(clock.instant())) {
      throw new NotYet(job.scheduledFor());
    }
    if (job == null) {
      return;
    }
    Service service = services.find(job.serviceId()).orElseThrow();
    Template template =
        templates.version(job.serviceId(), job.templateId(), job.templateVersion()).orElseThrow();
    String keyType = jobs.key(jobId).map(JobRepository.JobKey::keyType).orElse("normal");
    if (!start(job, service, template.type(), keyType)) {
      return;
    }
    job = jobs.find(jobId).orElseThrow();
    JobNotifications.Job shared =
        new JobNotifications.Job(
            job.id(),
            service,
            template,
            job.apiKeyId(),
            keyType,
            replyTo(job, template.type()),
            jobs.queueFrom(jobId).orElseGet(clock::instant));
    Batches batches = new Batches(jobId, shared, job.rowsDone());
    try (batches) {
      source.read(job, batches::add);
      batches.finish();
      log.info("Job {} finished: {} rows", jobId, job.notificationCount());
    } catch (MovedOn e) {
      log.info("Job {} moved on elsewhere after row {}; this run stops", jobId, batches.done);
    }
  }

  /**
   * A run of the job failed, {@code attempts} in a row: from the {@code
   * herald.jobs.error-after-attempts}th (5) a job in progress is marked {@code error}, so that its
   * team sees it, and is still tried again; the run that gets through moves it back to {@code in
   * progress} and on.
   */
  void failed(UUID jobId, int attempts) {
    if (attempts < errorAfterAttempts) {
      return;
    }
    try {
      if (jobs.move(jobId, JobStatus.IN_PROGRESS, JobStatus.ERROR, clock.instant())) {
        log.warn(
            "Job {} is marked error after {} failed runs; it is still tried again",
            jobId,
            attempts);
      }
    } catch (RuntimeException e) { // the database is out of reach too: the next failure marks it
      log.warn("Job {} could not be marked error: {}", jobId, RedactedThrowable.summary(e));
    }
  }

  /**
   * The reply-to address or text message sender of the job's rows: the one it was sent with, else
   * (none given, or removed since) the service's default, as for a one-off send.
   */
  private String replyTo(StoredJob job, String type) {
    String asked = job.senderId() == null ? null : job.senderId().toString();
    try {
      return senders.senderFor(job.serviceId(), type, asked);
    } catch (ApiException removed) {
      log.info("Job {}: its sender {} is gone; the service's default is used", job.id(), asked);
      return senders.senderFor(job.serviceId(), type, null);
    }
  }

  /** A batch handed to a storing thread: whether it moved the job on, and to which row. */
  private record InFlight(Future<Boolean> moved, int to) {}

  /** Another run of the job got further: this one stops reading. */
  private static final class MovedOn extends RuntimeException {
    MovedOn() {
      super(null, null, false, false);
    }
  }

  /**
   * The rows read, skipped up to where the job got to, and stored a batch at a time on up to {@code
   * storingThreads} connections at once: while one batch is stored the next are read and stored
   * beside it. Each batch commits after the one before: once its rows are in, and the one before
   * has locked the job, it locks the job itself, so it waits for that one's commit and then finds
   * the job where that one left it (or, if it rolled back, not there: it rolls back too, and so
   * does every batch after it). A batch that finds the job moved on rolls back, and the run stops
   * once the batches in flight are done.
   */
  private final class Batches implements AutoCloseable {
    private final UUID jobId;
    private final JobNotifications.Job shared;
    private final ExecutorService storers =
        Executors.newFixedThreadPool(
            storingThreads, Thread.ofPlatform().name("job-store-", 0).factory());
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private List<JobNotifications.Row> batch = new ArrayList<>();

    /** Done once the last batch handed over has locked the job (or failed). */
    private CompletableFuture<Void> advanced = CompletableFuture.completedFuture(null);

    private int done;
    private int read;
    private int seen;

    Batches(UUID jobId, JobNotifications.Job shared, int done) {
      this.jobId = jobId;
      this.shared = shared;
      this.done = done;
      this.read = done;
    }

    void add(JobNotifications.Row row) {
      if (seen++ < read) {
        return;
      }
      batch.add(row);
      if (batch.size() == batchRows) {
        handOver(false);
      }
    }

    /** Hands over what is left with the job's finish, and waits until every batch is stored. */
    void finish() {
      handOver(true);
      while (!inFlight.isEmpty()) {
        awaitOldest();
      }
    }

    /** Hands the batch to a storing thread, once fewer than storingThreads are in flight. */
    private void handOver(boolean last) {
      while (!inFlight.isEmpty()
          && (inFlight.size() >= storingThreads || inFlight.peek().moved().isDone())) {
        awaitOldest();
      }
      List<JobNotifications.Row> rows = batch;
      int from = read;
      CompletableFuture<Void> before = advanced;
      CompletableFuture<Void> after = new CompletableFuture<>();
      read = from + rows.size();
      inFlight.add(
          new InFlight(storers.submit(() -> store(rows, from, last, before, after)), read));
      advanced = after;
      batch = new ArrayList<>();
    }

    /** Waits for the oldest batch in flight; stops the run if it found the job moved on. */
    private void awaitOldest() {
      InFlight oldest = inFlight.peek();
      boolean moved;
      try {
        moved = oldest.moved().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the job's rows were stored", e);
      } catch (ExecutionException e) {
        inFlight.poll();
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("a batch of the job's rows failed", e.getCause());
      }
      inFlight.poll();
      if (!moved) {
        throw new MovedOn();
      }
      done = oldest.to();
    }

    /**
     * Stores rows {@code from}… and moves the job on past them, finishing it after the last, in one
     * transaction; false, and nothing stored, if the job was not where the batch before left it.
     */
    private boolean store(
        List<JobNotifications.Row> rows,
        int from,
        boolean last,
        CompletableFuture<Void> before,
        CompletableFuture<Void> after) {
      try {
        return Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  Instant now = clock.instant();
                  try {
                    if (!rows.isEmpty()) {
                      notifications.store(shared, rows, now);
                    }
                  } catch (DuplicateKeyException storedByAnother) {
                    status.setRollbackOnly(); // another run of the job stored these rows first
                    return false;
                  }
                  awaitLocked(before);
                  // Waits for the batch before to commit, and reads the job as it left it.
                  StoredJob locked = jobs.lock(jobId).orElseThrow();
                  after.complete(null);
                  boolean moved =
                      locked.status() == JobStatus.IN_PROGRESS
                          && locked.rowsDone() == from
                          && jobs.advance(jobId, from, from + rows.size(), now)
                          && (!last
                              || jobs.move(
                                  jobId,
                                  JobStatus.IN_PROGRESS,
                                  JobStatus.FINISHED_ALL_CREATED,
                                  now));
                  if (!moved) {
                    status.setRollbackOnly();
                  }
                  return moved;
                }));
      } finally {
        after.complete(null);
      }
    }

    /**
     * Waits until the batch before has locked the job, or failed. Bounded: a wait the database
     * cannot see (two runs of one job with different batch sizes could wait for each other's rows
     * and, through here, for themselves) ends the run, which is tried again.
     */
    private static void awaitLocked(CompletableFuture<Void> before) {
      try {
        before.get(BATCH_BEFORE_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "the batch before did not reach the job in " + BATCH_BEFORE_WAIT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the job's rows were stored", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the batch before failed", e); // never: it is completed
      }
    }

    /** Waits for the batches still in flight (their outcome no longer matters), then stops. */
    @Override
    public void close() {
      storers.close();
    }
  }

  /**
   * Starts a job due now (pending, or scheduled and its time come), counting its rows against the
   * service's daily limit, and its rows to phone numbers outside the UK against the international
   * text message limit as well, in the same transaction: a job that does not fit either is {@code
   * sending limits exceeded}, counts against neither and sends nothing (a test key's rows are not
   * counted, as in Notify). True if the job is in progress. A job is made of an upload of the same
   * id, whose check counted its international rows.
   */
  private boolean start(StoredJob job, Service service, String type, String keyType) {
    Instant now = clock.instant();
    return switch (job.status()) {
      case IN_PROGRESS -> true;
      // Started before, and counted then; its runs failed since.
      case ERROR -> jobs.move(job.id(), JobStatus.ERROR, JobStatus.IN_PROGRESS, now);
      case PENDING, SCHEDULED ->
          !(job.status() == JobStatus.SCHEDULED && job.scheduledFor().isAfter(now))
              && Boolean.TRUE.equals(
                  tx.execute(
                      status -> {
                        if (!jobs.move(job.id(), job.status(), JobStatus.IN_PROGRESS, now)) {
                          return false;
                        }
                        jobs.queueFrom(job.id(), notifications.queueFrom(now));
                        if ("test".equals(keyType)) {
                          return true;
                        }
                        int international =
                            "sms".equals(type) ? uploads.internationalSmsCount(job.id()) : 0;
                        Object counted = status.createSavepoint();
                        if (limits.takeAll(service, type, job.notificationCount())
                            && (international == 0
                                || limits.takeAll(service, "international_sms", international))) {
                          return true;
                        }
                        status.rollbackToSavepoint(counted);
                        jobs.move(
                            job.id(),
                            JobStatus.IN_PROGRESS,
                            JobStatus.SENDING_LIMITS_EXCEEDED,
                            now);
                        log.info(
                            "Job {} of {} rows ({} international) is over the service's daily"
                                + " {} limits: not sent",
                            job.id(),
                            job.notificationCount(),
                            international,
                            type);
                        return false;
                      }));
      default -> false;
    };
  }
}
