package dev.herald.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Sets up services, templates and keys through the admin API, the way an operator would, and gives
 * tests a handle on what it made.
 */
public final class Herald {

  private final Http http;
  private final String adminAuth;

  public Herald(Http http, Path dataDir) {
    this(http, readAdminToken(dataDir));
  }

  /** A handle on a Herald whose admin token is known (set with {@code herald.admin-token}). */
  public Herald(Http http, String adminToken) {
    this.http = http;
    this.adminAuth = "Bearer " + adminToken;
  }

  private static String readAdminToken(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve("admin-token")).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
      new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 100_000_000L);

  /** A phone number no other test uses, for inbound numbers and senders. */
  public static String uniqueNumber() {
    return String.format("4479%08d", NUMBERS.incrementAndGet() % 100_000_000L);
  }

  /** Random letters and digits, which PostgreSQL cannot compress into a short index entry. */
  public static String randomText(int length) {
    StringBuilder text = new StringBuilder(length + 36);
    while (text.length() < length) {
      text.append(UUID.randomUUID().toString().replace("-", ""));
    }
    return text.substring(0, length);
  }

  public Http http() {
    return http;
  }

  public Http.Response admin(String method, String path, Object body) {
    return http.send(method, path, adminAuth, body == null ? null : Http.json(body));
  }

  public JsonNode adminOk(String method, String path, Object body) {
    Http.Response response = admin(method, path, body);
    assertThat(response.status()).as(response.body()).isBetween(200, 201);
    return response.json();
  }

  /** A live service (not in trial mode) that may send email and SMS. */
  /** POST /admin/services/{id}/uploads of a file for this template; the response as it is. */
  public Http.Response upload(UUID service, UUID template, String fileName, byte[] content) {
    Map.Entry<byte[], String> form =
        Http.multipart(Map.of("template_id", template.toString()), fileName, content);
    return http.sendBytes(
        "POST",
        "/admin/services/" + service + "/uploads",
        adminAuth,
        form.getKey(),
        form.getValue());
  }

  /**
   * A CSV file of {@code rows} rows for an email template with a {@code ((name))} placeholder:
   * {@code person<i>@example.gov.uk}, {@code Person <i>}.
   */
  public static byte[] emailRows(int rows) {
    StringBuilder file = new StringBuilder("email address,name\n");
    for (int i = 0; i < rows; i++) {
      file.append("person").append(i).append("@example.gov.uk,Person ").append(i).append('\n');
    }
    return file.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Uploads a file that passes its check; answers the upload's id. */
  public UUID validUpload(UUID service, UUID template, String fileName, byte[] content) {
    Http.Response upload = upload(service, template, fileName, content);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    assertThat(upload.json().at("/data/valid").asBoolean()).as(upload.body()).isTrue();
    return UUID.fromString(upload.json().at("/data/id").asString());
  }

  /** Uploads a file that passes its check, and makes a job of it now; answers the job's id. */
  public UUID job(UUID service, UUID template, String fileName, byte[] content) {
    UUID upload = validUpload(service, template, fileName, content);
    return jobOf(service, Map.of("upload_id", upload.toString()));
  }

  /** Makes a job by {@code POST …/jobs} with this body; answers the job's id. */
  public UUID jobOf(UUID service, Map<String, ?> body) {
    return UUID.fromString(
        adminOk("POST", "/admin/services/" + service + "/jobs", body).at("/data/id").asString());
  }

  /** A job's status, as {@code GET /admin/services/{id}/jobs/{job_id}} names it. */
  public String jobStatus(UUID service, UUID job) {
    return adminOk("GET", "/admin/services/" + service + "/jobs/" + job, null)
        .at("/data/job_status")
        .asString();
  }

  public UUID liveService() {
    return service(
        Map.of(
            "name",
            "Service " + UUID.randomUUID(),
            "restricted",
            false,
            "permissions",
            List.of("email", "sms", "international_sms", "inbound_sms", "letter"),
            "contact_link",
            "https://example.gov.uk/contact"));
  }

  /** A live service with only these permissions and no contact link. */
  public UUID liveServiceWith(String... permissions) {
    return service(liveServiceBody(permissions));
  }

  private static Map<String, Object> liveServiceBody(String... permissions) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", "Service " + UUID.randomUUID());
    body.put("restricted", false);
    body.put("permissions", List.of(permissions));
    return body;
  }

  /** A live email service whose daily email limit is {@code limit}. */
  public UUID liveEmailServiceLimitedTo(int limit) {
    return liveServiceLimitedTo("email_message_limit", limit, "email");
  }

  /** A live service with these permissions whose daily {@code limitName} is {@code limit}. */
  public UUID liveServiceLimitedTo(String limitName, int limit, String... permissions) {
    Map<String, Object> body = liveServiceBody(permissions);
    body.put(limitName, limit);
    return service(body);
  }

  public UUID service(Map<String, Object> body) {
    return UUID.fromString(adminOk("POST", "/admin/services", body).get("id").asString());
  }

  public UUID template(UUID service, String type, String subject, String content) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", type + " template " + UUID.randomUUID());
    body.put("template_type", type);
    body.put("content", content);
    if (subject != null) {
      body.put("subject", subject);
    }
    return UUID.fromString(
        adminOk("POST", "/admin/services/" + service + "/templates", body).get("id").asString());
  }

  /** A letter template with this postage and content, and a contact block if one is given. */
  public UUID letterTemplate(UUID service, String postage, String content, String contactBlock) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", "letter template " + UUID.randomUUID());
    body.put("template_type", "letter");
    body.put("subject", "Your ((thing))");
    body.put("content", content);
    body.put("postage", postage);
    if (contactBlock != null) {
      body.put("letter_contact_block", contactBlock);
    }
    return UUID.fromString(
        adminOk("POST", "/admin/services/" + service + "/templates", body).get("id").asString());
  }

  /** POST /v2/notifications/letter from the template; answers the letter's id (201 or fails). */
  public String sendLetter(String key, UUID template, Map<String, Object> personalisation) {
    return sendLetter(key, Instant.now(), template, personalisation);
  }

  /** As {@link #sendLetter(String, UUID, Map)}, its token issued at Herald's (settable) time. */
  public String sendLetter(
      String key, Instant now, UUID template, Map<String, Object> personalisation) {
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/letter",
            "Bearer " + Tokens.token(key, now),
            Http.json(
                Map.of("template_id", template.toString(), "personalisation", personalisation)));
    if (r.status() != 201) {
      throw new AssertionError("letter not accepted: " + r.status() + " " + r.body());
    }
    return r.json().get("id").asString();
  }

  /** Sets the service's callback of this type (replacing the one it has); answers the callback. */
  public JsonNode callback(UUID service, String type, String url, String bearerToken) {
    return adminOk(
        "POST",
        "/admin/services/" + service + "/callbacks",
        Map.of("callback_type", type, "url", url, "bearer_token", bearerToken));
  }

  /** Gives the service an inbound number no other test uses; answers the number. */
  public String inboundNumber(UUID service) {
    String number = uniqueNumber();
    adminOk("POST", "/admin/services/" + service + "/inbound-number", Map.of("number", number));
    return number;
  }

  /** Creates a key and returns the full key string the clients take. */
  public String key(UUID service, String keyType) {
    return adminOk(
            "POST",
            "/admin/services/" + service + "/api-keys",
            Map.of("name", keyType + " key " + UUID.randomUUID(), "key_type", keyType))
        .get("key")
        .asString();
  }
}
