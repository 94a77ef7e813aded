package dev.herald.job;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Jobs on the admin API: {@code POST /admin/services/{id}/jobs} from an upload, now or at {@code
 * scheduled_for} (at most 7 days ahead); one job, the newest {@value #PAGE} of a service; {@code
 * POST …/jobs/{job_id}/cancel} for a scheduled one.
 */
@RestController
class AdminJobController {

  static final int PAGE = 50;

  private final Jobs jobs;
  private final JobRepository repository;
  private final JobStatistics statistics;
  private final ObjectMapper json;

  AdminJobController(
      Jobs jobs, JobRepository repository, JobStatistics statistics, ObjectMapper json) {
    this.jobs = jobs;
    this.repository = repository;
    this.statistics = statistics;
    this.json = json;
  }

  @PostMapping("/admin/services/{id}/jobs")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> create(@PathVariable String id, @RawBody byte[] body) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String uploadText = in.string("upload_id", true, 36);
    String scheduledText = in.string("scheduled_for", false, 40);
    UUID uploadId = uploadText == null ? null : Uuids.parse(uploadText).orElse(null);
    if (uploadText != null && uploadId == null) {
      in.error("upload_id is not a valid UUID");
    }
    Instant scheduledFor = scheduledText == null ? null : instant(scheduledText, in);
    in.done();
    StoredJob job = jobs.create(serviceId, uploadId, scheduledFor, null, null);
    return Map.of("data", view(job));
  }

  @GetMapping("/admin/services/{id}/jobs/{jobId}")
  Map<String, Object> one(@PathVariable String id, @PathVariable String jobId) {
    StoredJob job = find(id, jobId);
    return Map.of("data", withStatistics(List.of(job)).getFirst());
  }

  @GetMapping("/admin/services/{id}/jobs")
  Map<String, Object> list(@PathVariable String id) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    return Map.of("data", withStatistics(repository.page(serviceId, PAGE)));
  }

  @PostMapping("/admin/services/{id}/jobs/{jobId}/cancel")
  Map<String, Object> cancel(@PathVariable String id, @PathVariable String jobId) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    UUID job = Uuids.parse(jobId).orElseThrow(ApiException::noResultFound);
    return Map.of("data", view(jobs.cancel(serviceId, job)));
  }

  private StoredJob find(String id, String jobId) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    UUID job = Uuids.parse(jobId).orElseThrow(ApiException::noResultFound);
    return repository.find(serviceId, job).orElseThrow(ApiException::noResultFound);
  }

  /**
   * The jobs' views with their notifications counted by status, as the {@value JobStatistics#TASK}
   * task last counted them (Notify's {@code statistics}).
   */
  private List<Map<String, Object>> withStatistics(List<StoredJob> page) {
    Map<UUID, List<Map<String, Object>>> counts =
        statistics.of(page.stream().map(StoredJob::id).toList());
    return page.stream()
        .map(
            job -> {
              Map<String, Object> view = view(job);
              view.put("statistics", counts.get(job.id()));
              return view;
            })
        .toList();
  }

  /** ISO 8601 with an offset, or without one as UTC (as Notify reads it). */
  private static Instant instant(String text, AdminInput in) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        in.error(
            "scheduled_for " + AdminInput.abbreviated(text) + " is not an ISO 8601 date and time");
        return null;
      }
    }
  }

  private static Map<String, Object> view(StoredJob job) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", job.id());
    view.put("original_file_name", job.originalFileName());
    view.put("service", job.serviceId());
    view.put("template", job.templateId());
    view.put("template_version", job.templateVersion());
    view.put("notification_count", job.notificationCount());
    view.put("notifications_created", job.rowsDone());
    view.put("job_status", job.status().value());
    view.put("scheduled_for", format(job.scheduledFor()));
    view.put("created_at", format(job.createdAt()));
    view.put("updated_at", format(job.updatedAt()));
    view.put("processing_started", format(job.processingStarted()));
    view.put("processing_finished", format(job.processingFinished()));
    view.put("archived", job.archived());
    return view;
  }

  /** A job's time as Notify's API writes it, or null. */
  static String format(Instant instant) {
    return instant == null ? null : Timestamps.format(instant);
  }
}
