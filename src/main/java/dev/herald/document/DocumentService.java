package dev.herald.document;

import dev.herald.api.ApiException;
import dev.herald.api.RequestValidator;
import dev.herald.recipient.EmailAddresses;
import dev.herald.service.Service;
import dev.herald.support.HeraldProperties;
import dev.herald.support.Ids;
import dev.herald.support.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Stores a file sent by email (contract §6.5) and gives back the download link that replaces it in
 * the personalisation. Each file is encrypted with its own random key, carried only in the link.
 */
@Component
public class DocumentService {

  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int DEFAULT_RETENTION_WEEKS = 26;
  private static final RequestValidator FILE =
      RequestValidator.forSchema("schemas/post_email_personalisation_file.json");

  private final DocumentRepository documents;
  private final Clock clock;
  private final String documentsUrl;
  private final SecureRandom random = new SecureRandom();

  DocumentService(DocumentRepository documents, Clock clock, HeraldProperties properties) {
    this.documents = documents;
    this.clock = clock;
    String url = properties.documentsUrl();
    this.documentsUrl = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
  }

  /** True for a personalisation value that is a file: an object with a {@code file} key. */
  public static boolean isFile(Object value) {
    return value instanceof java.util.Map<?, ?> map && map.containsKey("file");
  }

  /**
   * Checks and stores one file for a recipient; returns its download link. {@code simulated}
   * recipients get Notify's test-document link and nothing is stored.
   */
  public String upload(
      Service service, JsonNode file, String recipient, boolean simulated, String root) {
    String base = documentsUrl == null ? root : documentsUrl;
    if (service.contactLink() == null || service.contactLink().isBlank()) {
      throw ApiException.badRequest(
          "Send files by email has not been set up - add contact details for your service at "
              + root
              + "/services/"
              + service.id()
              + "/service-settings/send-files-by-email");
    }
    List<String> errors = FILE.validate(file);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    byte[] content = decode(file.get("file").asString());
    if (simulated) {
      return base + "/services/" + service.id() + "/documents/test-document";
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    UUID id = Ids.random();
    Instant now = clock.instant();
    String filename = text(file, "filename");
    String mimetype =
        filename == null
            ? FileTypes.forContent(content, file.path("is_csv").asBoolean(false))
            : FileTypes.forFilename(filename);
    boolean confirm =
        !file.has("confirm_email_before_download")
            || !file.get("confirm_email_before_download").isBoolean()
            || file.get("confirm_email_before_download").asBoolean();
    documents.insert(
        new StoredDocument(
            id,
            service.id(),
            SecretBox.withKey(key).seal(content),
            filename,
            mimetype,
            confirm ? DownloadCheck.emailHash(id, EmailAddresses.normalise(recipient)) : null,
            now.plus(Duration.ofDays(7L * retentionWeeks(text(file, "retention_period"))))),
        now);
    return base
        + "/d/"
        + service.id()
        + "/"
        + id
        + "?key="
        + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  private static byte[] decode(String base64) {
    byte[] content;
    try {
      content = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("File is not valid base64");
    }
    if (content.length > MAX_BYTES) {
      throw ApiException.badRequest("File is larger than 2MB");
    }
    return content;
  }

  private static int retentionWeeks(String period) {
    if (period == null) {
      return DEFAULT_RETENTION_WEEKS;
    }
    return Integer.parseInt(period.strip().toLowerCase(Locale.ROOT).split("\\s+")[0]);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
