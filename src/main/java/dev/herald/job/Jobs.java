package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.support.TaskQueue;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making jobs from uploads, with Notify's refusals in its order (notify-jobs.md §5.3), the upload
 * locked against the removal of its file ({@link ExpiredUploads}), and cancelling a scheduled one
 * (§5.4), with the job's row locked against its processing.
 */
@Component
public class Jobs {

  /** How far ahead a job may be scheduled: GOV.UK Notify's 7 days. */
  static final Duration MOST_AHEAD = Duration.ofDays(7);

  static final int PRIORITY = 20;

  private final JobRepository jobs;
  private final UploadRepository uploads;
  private final ServiceRepository services;
  private final TemplateCache templates;
  private final TaskQueue tasks;
  private final Clock clock;

  Jobs(
      JobRepository jobs,
      UploadRepository uploads,
      ServiceRepository services,
      TemplateCache templates,
      TaskQueue tasks,
      Clock clock) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.services = services;
    this.templates = templates;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Makes the job of an upload, now or at {@code scheduledFor}, and queues its processing.
   *
   * @param apiKeyId the key of a job sent through the bulk API, else null
   * @param senderId the email reply-to address or text message sender asked for, else null
   */
  @Transactional
  public StoredJob create(
      UUID serviceId, UUID uploadId, Instant scheduledFor, UUID apiKeyId, UUID senderId) {
    Instant now = clock.instant();
    Service service = services.find(serviceId).orElseThrow(ApiException::noResultFound);
    if (!service.active()) {
      throw new ApiException(
          403, "BadRequestError", "Create job is not allowed: service is inactive ");
    }
    Upload upload = uploads.lock(serviceId, uploadId).orElseThrow(ApiException::noResultFound);
    Template template =
        templates
            .version(serviceId, upload.templateId(), upload.templateVersion())
            .orElseThrow(ApiException::noResultFound);
    if ("letter".equals(template.type()) && service.restricted()) {
      throw new ApiException(
          403, "BadRequestError", "Create letter job is not allowed for service in trial mode ");
    }
    if (!upload.valid() || upload.archived() || upload.expiresAt().isBefore(now)) {
      throw ApiException.badRequest("File is not valid, can't create job");
    }
    if (templates.latest(serviceId, template.id()).map(Template::archived).orElse(true)) {
      throw ApiException.badRequest("Template has been deleted");
    }
    if (scheduledFor != null && scheduledFor.isBefore(now)) {
      throw ApiException.validation("Date cannot be in the past");
    }
    if (scheduledFor != null && scheduledFor.isAfter(now.plus(MOST_AHEAD))) {
      throw ApiException.validation("Date cannot be more than 7 days in the future");
    }
    if (jobs.find(uploadId).isPresent()) {
      throw ApiException.badRequest("A job was made from this upload already");
    }
    StoredJob job =
        new StoredJob(
            upload.id(),
            serviceId,
            template.id(),
            template.version(),
            upload.originalFileName(),
            upload.fileKey(),
            upload.rowCount(),
            scheduledFor == null ? JobStatus.PENDING : JobStatus.SCHEDULED,
            scheduledFor,
            apiKeyId,
            senderId,
            0,
            false,
            now,
            null,
            null,
            null);
    jobs.insert(job);
    if (scheduledFor != null) {
      // The file is kept for the retention period from when it is sent, not from its upload.
      uploads.keepUntil(
          upload.id(), scheduledFor.plus(Duration.between(upload.createdAt(), upload.expiresAt())));
    }
    tasks.enqueue(
        JobProcessor.TASK,
        job.id().toString(),
        scheduledFor == null ? now : scheduledFor,
        PRIORITY);
    return job;
  }

  /** Cancels a scheduled job; a job in any other status (or none) is not found, as in Notify. */
  @Transactional
  public StoredJob cancel(UUID serviceId, UUID jobId) {
    StoredJob job =
        jobs.lock(jobId)
            .filter(j -> j.serviceId().equals(serviceId) && j.status() == JobStatus.SCHEDULED)
            .orElseThrow(ApiException::noResultFound);
    jobs.move(job.id(), JobStatus.SCHEDULED, JobStatus.CANCELLED, clock.instant());
    return jobs.find(jobId).orElseThrow();
  }
}
