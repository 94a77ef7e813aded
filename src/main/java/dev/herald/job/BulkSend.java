package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RequestValidator;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.auth.KeyType;
import dev.herald.limit.RateLimiter;
import dev.herald.notification.SendValidation;
import dev.herald.notification.SenderLookup;
import dev.herald.service.Service;
import dev.herald.service.ServiceCache;
import dev.herald.support.Uuids;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GC Notify's {@code POST /v2/notifications/bulk} (notify-jobs.md §6), an extension of Notify's
 * API: {@code rows} or {@code csv} checked by the same {@link RecipientSheet} as the web's uploads,
 * kept as an upload, and made a job now or at {@code scheduled_for} (at most 96 hours ahead, as in
 * GC), whose notifications carry the key and its type. The refusals are GC's, in its order.
 */
@Component
class BulkSend {

  /** The most rows one request may send: Notify's limit for a file (larger files: the uploads). */
  static final int MAX_ROWS = SheetLimits.NOTIFY_MAX_ROWS;

  /** Notify's own user, which GC names as the creator of a job sent through the API. */
  static final String NOTIFY_USER_ID = "6af522d0-2915-4e52-83a3-3690455a5fe6";

  private static final SheetLimits LIMITS =
      new SheetLimits(MAX_ROWS, 1, SheetLimits.DEFAULT.errorsShown());

  private final ServiceCache services;
  private final RateLimiter rateLimiter;
  private final TemplateCache templates;
  private final SenderLookup senders;
  private final Uploads uploads;
  private final Jobs jobs;
  private final JobRepository repository;
  private final ObjectMapper json;
  private final RequestValidator validator;

  BulkSend(
      ServiceCache services,
      RateLimiter rateLimiter,
      TemplateCache templates,
      SenderLookup senders,
      Uploads uploads,
      Jobs jobs,
      JobRepository repository,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.rateLimiter = rateLimiter;
    this.templates = templates;
    this.senders = senders;
    this.uploads = uploads;
    this.jobs = jobs;
    this.repository = repository;
    this.json = json;
    this.validator =
        RequestValidator.forSchema("schemas/post_bulk_request.json")
            .withFormat(
                RequestValidator.DATETIME_SCHEDULE_JOB,
                RequestValidator.datetimeScheduleJob(clock));
  }

  Map<String, Object> send(AuthenticatedKey key, byte[] rawBody) {
    Service service = services.find(key.serviceId()).orElseThrow(ApiException::noResultFound);
    JsonNode body = JsonBodies.parse(json, rawBody);
    if (!service.active()) {
      throw new ApiException(403, "BadRequestError", "Service is suspended");
    }
    List<String> errors = validator.validate(body);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    boolean rows = body.has("rows") && !body.get("rows").isEmpty();
    boolean csv = body.has("csv") && !body.get("csv").asString().isEmpty();
    if (rows == csv) {
      throw ApiException.badRequest("You should specify either rows or csv");
    }
    Template template = template(service, body);
    String type = template.type();
    SendValidation.checkPermission(service, type);
    if ("letter".equals(type)) {
      checkLetterKey(service, key.keyType());
    }
    rateLimiter.take(service, key.keyType());
    String senderId = text(body, "reply_to_id");
    senders.senderFor(service.id(), type, senderId);
    byte[] file =
        rows
            ? csvOf(body.get("rows")).getBytes(StandardCharsets.UTF_8)
            : body.get("csv").asString().getBytes(StandardCharsets.UTF_8);
    ServiceFacts facts =
        uploads.facts(
            service,
            type,
            service.restricted() || key.keyType() == KeyType.TEAM,
            key.keyType() == KeyType.TEST);
    SheetCheck check;
    try {
      check =
          new RecipientSheet(template, facts, LIMITS)
              .check(Uploads.CSV_NAME, new ByteArrayInputStream(file));
    } catch (SpreadsheetException e) {
      throw ApiException.badRequest("Error converting to CSV: " + e.getMessage());
    }
    BulkErrors.of(check, facts, key.keyType(), service.restricted())
        .ifPresent(
            message -> {
              throw ApiException.badRequest(message);
            });
    if ("sms".equals(type) && key.keyType() != KeyType.TEST) {
      checkNotMixed(check);
    }
    String scheduled = text(body, "scheduled_for");
    Instant scheduledFor =
        scheduled == null ? null : RequestValidator.instant(scheduled).orElseThrow();
    Upload upload =
        uploads.keep(
            service.id(),
            template,
            body.get("name").asString(),
            true,
            UploadedFile.of(file),
            check);
    StoredJob job =
        jobs.create(
            service.id(),
            upload.id(),
            scheduledFor,
            key.keyId(),
            senderId == null ? null : Uuids.parse(senderId).orElseThrow());
    return Map.of("data", view(job, service));
  }

  /**
   * GC's refusal of a text message file with some, not all, of its numbers Notify's smoke-test
   * numbers: such a mix is a test sent with a live or team key by mistake. (The file passed its
   * check: every row is without errors.)
   */
  private static void checkNotMixed(SheetCheck check) {
    int smokeTests = check.smokeTestNumbers();
    if (smokeTests > 0 && smokeTests < check.rowCount()) {
      throw ApiException.badRequest(
          "Bulk sending to testing and non-testing numbers is not supported");
    }
  }

  private Template template(Service service, JsonNode body) {
    UUID templateId = Uuids.parse(body.get("template_id").asString()).orElseThrow();
    Template template =
        templates
            .latest(service.id(), templateId)
            .orElseThrow(() -> ApiException.badRequest("Template not found"));
    if (template.archived()) {
      throw ApiException.badRequest("Template has been deleted");
    }
    return template;
  }

  /** The refusals of {@code POST /v2/notifications/letter} for the key, in its words. */
  private static void checkLetterKey(Service service, KeyType keyType) {
    if (keyType == KeyType.TEAM) {
      throw new ApiException(403, "BadRequestError", "Cannot send letters with a team api key");
    }
    if (service.restricted() && keyType != KeyType.TEST) {
      throw new ApiException(
          403, "BadRequestError", "Cannot send letters when service is in trial mode");
    }
  }

  /**
   * The rows as CSV, as GC's {@code csv.writer} writes them: text as it is, numbers and booleans as
   * their JSON text, null as an empty cell.
   */
  private static String csvOf(JsonNode rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      int r = 0;
      for (JsonNode row : rows) {
        int c = 0;
        for (JsonNode cell : row) {
          if (cell.isContainer()) {
            throw ApiException.badRequest(
                "Error converting to CSV: row " + r + ", cell " + c + " is not text or a number");
          }
          printer.print(
              cell.isNull() ? "" : cell.isString() ? cell.stringValue() : cell.toString());
          c++;
        }
        printer.println();
        r++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** The job as GC's {@code job_schema} shows it. */
  private Map<String, Object> view(StoredJob job, Service service) {
    Map<String, Object> view = new LinkedHashMap<>();
    repository
        .key(job.id())
        .ifPresent(
            k -> {
              Map<String, Object> apiKey = new LinkedHashMap<>();
              apiKey.put("id", k.id());
              apiKey.put("key_type", k.keyType());
              apiKey.put("name", k.name());
              view.put("api_key", apiKey);
            });
    view.put("archived", job.archived());
    view.put("created_at", AdminJobController.format(job.createdAt()));
    view.put("created_by", Map.of("id", NOTIFY_USER_ID, "name", "Notify service user"));
    view.put("id", job.id());
    view.put("job_status", job.status().value());
    view.put("notification_count", job.notificationCount());
    view.put("original_file_name", job.originalFileName());
    view.put("processing_finished", AdminJobController.format(job.processingFinished()));
    view.put("processing_started", AdminJobController.format(job.processingStarted()));
    view.put("scheduled_for", AdminJobController.format(job.scheduledFor()));
    view.put("sender_id", job.senderId());
    view.put("service", job.serviceId());
    view.put("service_name", Map.of("name", service.name()));
    view.put("template", job.templateId());
    view.put("template_version", job.templateVersion());
    view.put("updated_at", AdminJobController.format(job.updatedAt()));
    return view;
  }
}
