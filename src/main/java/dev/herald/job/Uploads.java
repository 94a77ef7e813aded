package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.files.ObjectStore;
import dev.herald.files.ObjectStoreException;
import dev.herald.limit.DailyLimiter;
import dev.herald.service.DataRetention;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.service.TeamRepository;
import dev.herald.support.Ids;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploading a recipient file (notify-jobs.md §2–4): its size and type checked, then read and
 * checked once by {@link RecipientSheet} for the service as it is now, the file kept in the object
 * store under {@code uploads/<service>/<upload id>} and an upload row saying whether it can be
 * sent. The file stays until the service's retention for the template's type has passed since the
 * upload (or since the time a job from it is scheduled for, if later).
 */
@Component
public class Uploads {

  /** Notify's limit for a spreadsheet, which its message names. */
  static final int MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;

  /** Herald's limit for CSV and TSV, beyond Notify's, for a million rows. */
  static final int MAX_TEXT_BYTES = 100 * 1024 * 1024;

  /** A name by which a file is read as CSV. */
  static final String CSV_NAME = "rows.csv";

  private static final String CSV_KEY_END = ".csv";

  private static final Logger log = LoggerFactory.getLogger(Uploads.class);

  private final ObjectStore store;
  private final UploadRepository uploads;
  private final ServiceRepository services;
  private final TemplateCache templates;
  private final TeamRepository team;
  private final DailyLimiter limits;
  private final DataRetention retention;
  private final Clock clock;

  Uploads(
      ObjectStore store,
      UploadRepository uploads,
      ServiceRepository services,
      TemplateCache templates,
      TeamRepository team,
      DailyLimiter limits,
      DataRetention retention,
      Clock clock) {
    this.store = store;
    this.uploads = uploads;
    this.services = services;
    this.templates = templates;
    this.team = team;
    this.limits = limits;
    this.retention = retention;
    this.clock = clock;
  }

  /** An upload as stored, and what its check found. */
  public record Checked(Upload upload, SheetCheck check) {}

  /**
   * Checks and keeps a file, read twice where it was uploaded to (the check, then the object
   * store), never whole in memory.
   *
   * @param fileName the file's name as uploaded, whose extension says how it is read
   * @param previewIndex the 0-based data row to preview
   */
  Checked upload(
      UUID serviceId, UUID templateId, String fileName, UploadedFile file, int previewIndex) {
    Service service = services.find(serviceId).orElseThrow(ApiException::noResultFound);
    Template template =
        templates
            .latest(serviceId, templateId)
            .filter(t -> !t.archived())
            .orElseThrow(ApiException::noResultFound);
    if (file == null) {
      throw ApiException.badRequest("You need to chose a file to upload");
    }
    if (!SpreadsheetReader.canRead(fileName)) {
      throw ApiException.badRequest(SpreadsheetException.NOT_A_SPREADSHEET);
    }
    boolean text = List.of("csv", "tsv").contains(SpreadsheetReader.extension(fileName));
    if (!text && file.size() > MAX_SPREADSHEET_BYTES) {
      throw ApiException.badRequest("The file must be smaller than 10MB");
    }
    if (file.size() > MAX_TEXT_BYTES) {
      throw ApiException.badRequest("The file must be smaller than 100MB");
    }
    SheetCheck check;
    try (InputStream in = file.open()) {
      check =
          new RecipientSheet(template, facts(service, template.type()), SheetLimits.DEFAULT)
              .check(fileName, in, previewIndex);
    } catch (SpreadsheetException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("The uploaded file could not be read", e);
    }
    return new Checked(keep(serviceId, template, fileName, false, file, check), check);
  }

  /**
   * Keeps a checked file under {@code uploads/<service>/<upload id>} (with {@code .csv} after the
   * id when it is CSV whatever its name says: {@link #readAs}) and records the upload.
   */
  Upload keep(
      UUID serviceId,
      Template template,
      String originalFileName,
      boolean csv,
      UploadedFile file,
      SheetCheck check) {
    Instant now = clock.instant();
    UUID id = Ids.timeOrdered();
    String key = "uploads/" + serviceId + "/" + id + (csv ? CSV_KEY_END : "");
    try (InputStream in = file.open()) {
      store.put(key, in, file.size());
    } catch (IOException e) {
      throw new UncheckedIOException("The uploaded file could not be read", e);
    } catch (ObjectStoreException e) {
      log.warn("Upload {} refused: its file could not be stored: {}", id, e.toString());
      throw new ApiException(
          503, "ServiceUnavailableError", "Herald cannot store the file; try again");
    }
    Upload upload =
        new Upload(
            id,
            serviceId,
            template.id(),
            template.version(),
            originalFileName,
            key,
            check.rowCount(),
            check.internationalSmsCount(),
            check.ok(),
            now,
            now.plus(Duration.ofDays(retention.days(serviceId, template.type()))),
            false);
    uploads.insert(upload);
    return upload;
  }

  /** The name a kept file is read by: its own, or any CSV name for one kept as CSV. */
  static String readAs(String fileKey, String originalFileName) {
    return fileKey.endsWith(CSV_KEY_END) ? CSV_NAME : originalFileName;
  }

  /** What the check of a file needs to know of the service as it is now, for the web. */
  ServiceFacts facts(Service service, String type) {
    return facts(service, type, service.restricted(), false);
  }

  /**
   * The same for a file sent with an API key: a team key's recipients must be on the guest list,
   * and a test key's rows do not count against the daily limit.
   */
  ServiceFacts facts(Service service, String type, boolean guestListOnly, boolean unlimited) {
    return new ServiceFacts(
        guestListOnly,
        guestListOnly ? team.allowedRecipients(service.id()) : List.of(),
        service.can("international_sms"),
        service.can("sms_to_uk_landlines"),
        service.can("international_letters"),
        unlimited ? Long.MAX_VALUE : limits.remaining(service, type),
        "sms".equals(type) && !unlimited
            ? limits.remaining(service, "international_sms")
            : Long.MAX_VALUE);
  }
}
