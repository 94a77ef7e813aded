package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.limit.DailyLimiter;
import dev.herald.notification.JobNotifications;
import dev.herald.notification.SenderLookup;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a job's rows into notifications ({@value #TASK} task, one per job, due now or at its {@code
 * scheduled_for}). Each batch of rows ({@code herald.jobs.batch-rows}, 2,000) is stored in the
 * transaction that moves the job's {@code rows_done} on, with the job locked: after a crash the
 * task runs again and resumes at the first row not done; two runs at once take turns, and the one
 * that finds the job moved on stops. The last batch finishes the job: every row is then a
 * notification.
 */
@Component
class JobProcessor {

  static final String TASK = "process-job";

  private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);

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
    try {
      source.read(job, batches::add);
      batches.flush(true);
      log.info("Job {} finished: {} rows", jobId, batches.done);
    } catch (MovedOn e) {
      log.info("Job {} moved on elsewhere at row {}; this run stops", jobId, batches.done);
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

  /** Another run of the job got further: this one stops reading. */
  private static final class MovedOn extends RuntimeException {
    MovedOn() {
      super(null, null, false, false);
    }
  }

  /** The rows read, skipped up to where the job got to, stored a batch at a time. */
  private final class Batches {
    private final UUID jobId;
    private final JobNotifications.Job shared;
    private final List<JobNotifications.Row> batch = new ArrayList<>();
    private int done;
    private int seen;

    Batches(UUID jobId, JobNotifications.Job shared, int done) {
      this.jobId = jobId;
      this.shared = shared;
      this.done = done;
    }

    void add(JobNotifications.Row row) {
      if (seen++ < done) {
        return;
      }
      batch.add(row);
      if (batch.size() == batchRows) {
        flush(false);
      }
    }

    /** Stores the batch and moves the job on, finishing it after the last. */
    void flush(boolean last) {
      int from = done;
      int to = done + batch.size();
      Boolean moved =
          tx.execute(
              status -> {
                StoredJob locked = jobs.lock(jobId).orElseThrow();
                if (locked.status() != JobStatus.IN_PROGRESS || locked.rowsDone() != from) {
                  return false;
                }
                Instant now = clock.instant();
                if (!batch.isEmpty()) {
                  notifications.store(shared, batch, now);
                  jobs.advance(jobId, from, to, now);
                }
                if (last) {
                  jobs.move(jobId, JobStatus.IN_PROGRESS, JobStatus.FINISHED_ALL_CREATED, now);
                }
                return true;
              });
      if (!Boolean.TRUE.equals(moved)) {
        throw new MovedOn();
      }
      done = to;
      batch.clear();
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
