package dev.herald.api;

import static dev.herald.api.HostileValues.MARKER;
import static dev.herald.api.HostileValues.quoted;

import dev.herald.testdata.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates hostile requests across every endpoint family Herald serves: the v2 API, the admin API,
 * downloads, the outbox and the provider webhooks. Each is a valid request with one to three things
 * made hostile, or a request broken as a whole (body, path, query, headers).
 */
final class HostileRequests {

  /** One request to send as it is, and the endpoint family it belongs to. */
  record Request(
      String family, String method, String target, Map<String, String> headers, byte[] body) {}

  /** What the generator needs to make requests that get past routing and authentication. */
  record Fixture(
      UUID service,
      String apiKey,
      String adminToken,
      UUID emailTemplate,
      UUID smsTemplate,
      UUID letterTemplate,
      UUID notification) {}

  private final Fixture fixture;
  private final HostileValues v;

  HostileRequests(Fixture fixture, Random random) {
    this.fixture = fixture;
    this.v = new HostileValues(random);
  }

  Request next() {
    Request request =
        switch (v.between(0, 19)) {
          case 0, 1, 2, 3 -> send();
          case 4 -> preview();
          case 5, 6 -> v2Get();
          case 7 -> hostilePath();
          case 8, 9 -> authentication();
          case 10, 11, 12 -> adminWrite();
          case 13 -> adminRead();
          case 14 -> download();
          case 15 -> outbox();
          case 16 -> webhook();
          case 17 -> transport();
          default -> brokenBody();
        };
    return request;
  }

  private Request send() {
    String kind = v.pick(List.of("email", "sms", "letter"));
    if (kind.equals("letter") && v.chance(30)) {
      return json("v2-send", "POST", "/v2/notifications/letter", bearer(), object(precompiled()));
    }
    Map<String, String> body = new LinkedHashMap<>();
    switch (kind) {
      case "email" -> {
        body.put("email_address", quoted(MARKER + v.between(0, 999) + "@example.gov.uk"));
        body.put("template_id", quoted(fixture.emailTemplate().toString()));
        if (v.chance(20)) {
          body.put("one_click_unsubscribe_url", quoted(v.personal()));
        }
        if (v.chance(20)) {
          body.put("sanitise_content_for", "[\"name\"]");
        }
        if (v.chance(10)) {
          body.put("email_reply_to_id", v.json());
        }
      }
      case "sms" -> {
        body.put("phone_number", quoted("07700 900" + v.between(100, 999)));
        body.put("template_id", quoted(fixture.smsTemplate().toString()));
        if (v.chance(10)) {
          body.put("sms_sender_id", v.json());
        }
      }
      default -> body.put("template_id", quoted(fixture.letterTemplate().toString()));
    }
    body.put("personalisation", personalisation(kind));
    if (v.chance(50)) {
      body.put("reference", quoted(v.personal()));
    }
    mutate(body);
    return json("v2-send", "POST", "/v2/notifications/" + kind, bearer(), object(body));
  }

  /**
   * A precompiled letter: base64 of something like a PDF (which the checks after the 201 read), or
   * not base64, or not a string.
   */
  private Map<String, String> precompiled() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reference", quoted(v.personal()));
    String file = (v.chance(30) ? "%PDF-1.4\n" : "") + v.personal();
    body.put(
        "content",
        v.chance(70)
            ? quoted(Base64.getEncoder().encodeToString(file.getBytes(StandardCharsets.UTF_8)))
            : v.chance(50) ? quoted(v.personal()) : v.json());
    if (v.chance(30)) {
      body.put(
          "postage",
          v.chance(50)
              ? quoted(v.pick(List.of("first", "second", "economy", "europe")))
              : v.json());
    }
    mutate(body);
    return body;
  }

  private String personalisation(String kind) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", quoted(v.personal()));
    if (kind.equals("letter")) {
      fields.put("address_line_1", quoted(v.personal()));
      fields.put("address_line_2", quoted(MARKER + " street"));
      fields.put("postcode", quoted(v.chance(50) ? "SW1A 1AA" : v.personal()));
    }
    if (kind.equals("email") && v.chance(10)) {
      fields.put("name", file());
    }
    if (v.chance(15)) {
      fields.put(v.personal(), v.json());
    }
    mutate(fields);
    return object(fields);
  }

  private String file() {
    String content =
        Base64.getEncoder().encodeToString(v.personal().getBytes(StandardCharsets.UTF_8));
    return "{\"file\":"
        + (v.chance(80) ? quoted(content) : v.json())
        + ",\"filename\":"
        + quoted(v.pick(List.of("a.pdf", "отчёт.html", "report€.svg", "x")) + v.personal())
        + ",\"confirm_email_before_download\":"
        + v.pick(List.of("true", "false", "null", "\"potato\""))
        + "}";
  }

  private void mutate(Map<String, String> fields) {
    for (int i = v.between(0, 3); i > 0; i--) {
      List<String> keys = new ArrayList<>(fields.keySet());
      switch (v.between(0, 3)) {
        case 0 -> fields.remove(v.pick(keys));
        case 1 -> fields.put(v.chance(50) ? MARKER + "extra" : v.personal(), v.json());
        default -> fields.put(v.pick(keys), v.json());
      }
      if (fields.isEmpty()) {
        return;
      }
    }
  }

  private static String object(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (key, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append(quoted(key)).append(':').append(value);
        });
    return out.append('}').toString();
  }

  private Request preview() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("personalisation", personalisation("email"));
    mutate(fields);
    UUID template = v.pick(List.of(fixture.emailTemplate(), fixture.smsTemplate()));
    return json(
        "v2-preview", "POST", "/v2/template/" + template + "/preview", bearer(), object(fields));
  }

  private Request v2Get() {
    String path =
        v.pick(
            List.of(
                "/v2/notifications",
                "/v2/received-text-messages",
                "/v2/templates",
                "/v2/notifications/" + fixture.notification(),
                "/v2/template/" + fixture.emailTemplate(),
                "/v2/template/"
                    + fixture.emailTemplate()
                    + "/version/"
                    + v.pick(HostileValues.NUMBERS),
                "/v2/notifications/" + fixture.notification() + "/pdf"));
    List<String> names =
        List.of(
            "reference", "status", "template_type", "older_than", "include_jobs", "type", MARKER);
    return get("v2-get", path + "?" + query(names), bearer());
  }

  private String query(List<String> names) {
    StringBuilder out = new StringBuilder();
    int count = v.chance(2) ? 1_200 : v.between(1, 4);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(v.pick(names)).append('=').append(count > 4 ? "1" : v.queryValue());
    }
    if (v.chance(2)) {
      out.append("&reference=").append("r".repeat(9_000));
    }
    return out.toString();
  }

  private Request hostilePath() {
    String segment =
        v.pick(
            List.of(
                "%00",
                "%2F",
                "%ZZ",
                "%",
                "..",
                "%2e%2e",
                "a".repeat(9_000),
                "%ED%A0%80",
                "%F0%9F%98%80",
                ";jsessionid=" + MARKER,
                UUID.randomUUID().toString()));
    String path =
        v.pick(
            List.of(
                "/v2/notifications/",
                "/v2/template/",
                "/admin/services/",
                "/d/" + fixture.service() + "/",
                "/",
                "/outbox/",
                "/v2/notifications/" + fixture.notification() + "/"));
    boolean admin = path.startsWith("/admin");
    return get("path", path + segment, admin ? adminBearer() : bearer());
  }

  private Request authentication() {
    String token =
        switch (v.between(0, 9)) {
          case 0 -> v.personal();
          case 1 -> "Bearer " + v.personal();
          case 2 ->
              "Bearer " + Tokens.withAlgorithm("none", claims(Instant.now().getEpochSecond()));
          case 3 ->
              "Bearer " + Tokens.withAlgorithm(v.pick(List.of("HS512", "RS256", "")), Map.of());
          case 4 ->
              "Bearer "
                  + signedRaw(
                      "{\"iss\":\""
                          + service()
                          + "\",\"iat\":"
                          + v.pick(HostileValues.NUMBERS)
                          + "}");
          case 5 -> "Bearer " + signedRaw("{\"iss\":" + v.json() + ",\"iat\":" + now() + "}");
          case 6 ->
              "Bearer "
                  + signedRaw(
                      "{\"iss\":\""
                          + service()
                          + "\",\"iat\":"
                          + now()
                          + ",\"exp\":"
                          + v.pick(HostileValues.NUMBERS)
                          + "}");
          case 7 -> "Bearer " + signedRaw(v.nested(v.between(2, 3000)));
          case 8 -> "Bearer a.b.c";
          default -> "bearer " + Tokens.token(fixture.apiKey(), Instant.now());
        };
    return get("auth", "/v2/notifications", token);
  }

  private Map<String, Object> claims(long iat) {
    return Map.of("iss", service(), "iat", iat);
  }

  private String service() {
    return Tokens.serviceIdOf(fixture.apiKey());
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private String signedRaw(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Tokens.secretOf(fixture.apiKey()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput
          + "."
          + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Request adminWrite() {
    String base = "/admin/services/" + fixture.service();
    record Call(String method, String path, List<String> fields) {}
    Call call =
        v.pick(
            List.of(
                new Call(
                    "POST",
                    "/admin/services",
                    List.of(
                        "name",
                        "restricted",
                        "permissions",
                        "rate_limit",
                        "email_message_limit",
                        "sms_message_limit",
                        "contact_link",
                        "email_sender_local_part",
                        "prefix_sms")),
                new Call(
                    "PATCH",
                    base,
                    List.of(
                        "name",
                        "active",
                        "rate_limit",
                        "international_sms_message_limit",
                        "letter_message_limit",
                        "contact_link")),
                new Call(
                    "POST",
                    base + "/templates",
                    List.of(
                        "name",
                        "template_type",
                        "content",
                        "subject",
                        "postage",
                        "letter_contact_block")),
                new Call(
                    "PUT",
                    base + "/templates/" + fixture.emailTemplate(),
                    List.of("name", "content", "subject", "created_by")),
                new Call("POST", base + "/api-keys", List.of("name", "key_type")),
                new Call("POST", base + "/email-reply-to", List.of("email_address", "is_default")),
                new Call("POST", base + "/sms-senders", List.of("sms_sender", "is_default")),
                new Call(
                    "POST", base + "/callbacks", List.of("callback_type", "url", "bearer_token")),
                new Call(
                    "PUT",
                    base + "/data-retention",
                    List.of("notification_type", "days_of_retention")),
                new Call("POST", base + "/guest-list", List.of("email_addresses", "phone_numbers")),
                new Call("POST", base + "/inbound-number", List.of("number")),
                new Call(
                    "POST", base + "/inbound-sms", List.of("user_number", "content", "number")),
                new Call(
                    "POST",
                    base + "/users",
                    List.of("name", "email_address", "mobile_number", "permissions")),
                new Call(
                    "PATCH",
                    "/admin/providers/" + v.pick(List.of("outbox-email", MARKER, "%ZZ")),
                    List.of("priority", "active")),
                new Call(
                    "POST",
                    "/admin/tasks/"
                        + v.pick(List.of("timeout-notifications", "%00", MARKER))
                        + "/run",
                    List.of("reason")),
                new Call(
                    "POST",
                    base + "/templates/" + UUID.randomUUID() + "/archive",
                    List.of("created_by")),
                new Call("POST", base + "/api-keys/" + UUID.randomUUID() + "/revoke", List.of()),
                new Call(
                    "DELETE",
                    base + "/callbacks/" + v.pick(List.of("delivery_status", "complaint", MARKER)),
                    List.of()),
                new Call(
                    "POST",
                    "/v2/notifications/" + v.pick(List.of("broadcast", MARKER, "%ZZ")),
                    List.of("template_id"))));
    Map<String, String> body = new LinkedHashMap<>();
    for (String field : call.fields()) {
      if (v.chance(60)) {
        body.put(field, v.chance(70) ? quoted(v.personal()) : v.json());
      }
    }
    return json("admin-write", call.method(), call.path(), adminBearer(), object(body));
  }

  private Request adminRead() {
    String base = "/admin/services/" + fixture.service();
    String path =
        v.pick(
            List.of(
                base + "/notifications",
                base + "/statistics",
                base + "/template-usage",
                base + "/complaints",
                base + "/callbacks/attempts",
                base + "/data-retention",
                base,
                base + "/callbacks",
                base + "/templates/" + fixture.emailTemplate(),
                base,
                base + "/callbacks",
                base + "/templates/" + fixture.emailTemplate(),
                "/admin/tasks",
                "/admin/providers"));
    List<String> names =
        List.of(
            "to",
            "reference",
            "status",
            "template_type",
            "days",
            "month",
            "year",
            "older_than",
            "page",
            MARKER);
    return get("admin-read", path + "?" + query(names), adminBearer());
  }

  private Request download() {
    String path = "/d/" + fixture.service() + "/" + UUID.randomUUID() + "?key=" + v.queryValue();
    if (v.chance(50)) {
      return get("download", path, null);
    }
    byte[] body =
        ("email_address="
                + v.queryValue()
                + (v.chance(30) ? "&email_address=" + v.queryValue() : ""))
            .getBytes(StandardCharsets.UTF_8);
    return new Request(
        "download",
        "POST",
        path,
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        body);
  }

  private Request outbox() {
    String path =
        v.pick(List.of("/outbox", "/outbox.json")) + "?" + query(List.of("to", "q", MARKER));
    return get("outbox", path, v.chance(50) ? null : adminBearer());
  }

  private Request webhook() {
    String path =
        v.pick(
            List.of(
                "/providers/http-sms/receipts",
                "/providers/http-sms/inbound",
                "/providers/ses/events"));
    Map<String, String> body = new LinkedHashMap<>();
    for (String field :
        List.of(
            "id",
            "status",
            "timestamp",
            "from",
            "to",
            "text",
            "Type",
            "Message",
            "MessageId",
            "TopicArn",
            "Signature",
            "SigningCertURL")) {
      if (v.chance(50)) {
        body.put(field, v.chance(60) ? quoted(v.personal()) : v.json());
      }
    }
    if (v.chance(30)) {
      body.put(
          "timestamp",
          quoted(
              v.pick(
                  List.of(
                      "+999999999-12-31T23:59:59Z",
                      "294277-01-01T00:00:00Z",
                      "-4713-01-01T00:00:00Z",
                      "2026-12-01T12:00:00"))));
    }
    String authorization = v.chance(50) ? "Bearer " + v.personal() : null;
    return json("webhook", "POST", path, authorization, object(body));
  }

  private Request transport() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", bearer());
    switch (v.between(0, 3)) {
      case 0 -> headers.put("X-" + MARKER, "h".repeat(v.between(100, 20_000)));
      case 1 ->
          headers.put(
              "Content-Type",
              v.pick(
                  List.of(
                      "application/json; charset=latin1",
                      "text/plain",
                      "application/x-www-form-urlencoded",
                      "multipart/form-data; boundary=x",
                      "%ZZ")));
      case 2 -> headers.put("Accept", "text/html");
      default -> headers.put("Content-Type", "application/json");
    }
    String target =
        "/v2/notifications/"
            + v.pick(List.of("email", "sms"))
            + (v.chance(30) ? "?" + query(List.of("a", MARKER)) : "");
    return new Request(
        "transport",
        v.pick(List.of("POST", "PUT", "DELETE", "GET", "PATCH")),
        target,
        headers,
        json().getBytes(StandardCharsets.UTF_8));
  }

  private String json() {
    return object(
        Map.of(
            "email_address",
            quoted(v.personal()),
            "template_id",
            quoted(fixture.emailTemplate().toString())));
  }

  private Request brokenBody() {
    byte[] valid = json().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (v.between(0, 6)) {
      case 0 -> out.write(valid, 0, v.between(0, valid.length - 1));
      case 1 -> {
        int at = v.between(1, valid.length - 2);
        out.write(valid, 0, at);
        byte[] bad =
            v.pick(
                List.of(
                    new byte[] {(byte) 0xC3, 0x28},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xFF},
                    new byte[] {0}));
        out.writeBytes(bad);
        out.write(valid, at, valid.length - at);
      }
      case 2 ->
          out.writeBytes(
              v.pick(
                      List.of(
                          "", "null", "[]", "\"" + MARKER + "\"", "{", "}", "{\"a\":}", "{'a': 1}"))
                  .getBytes(StandardCharsets.UTF_8));
      case 3 -> out.writeBytes(v.nested(v.between(500, 5000)).getBytes(StandardCharsets.UTF_8));
      case 4 ->
          out.writeBytes(
              ("{\"email_address\":\""
                      + MARKER
                      + "\","
                      + "\"k\":1,".repeat(v.between(1000, 50_000))
                      + "\"template_id\":1}")
                  .getBytes(StandardCharsets.UTF_8));
      case 5 ->
          out.writeBytes(
              ("{\"" + MARKER + "\":" + "1".repeat(v.between(1000, 100_000)) + "}")
                  .getBytes(StandardCharsets.UTF_8));
      default -> {
        byte[] noise = new byte[v.between(1, 2000)];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (byte) v.between(0, 255);
        }
        out.writeBytes(noise);
      }
    }
    String path =
        v.pick(
            List.of(
                "/v2/notifications/email",
                "/v2/notifications/sms",
                "/v2/notifications/letter",
                "/admin/services",
                "/v2/template/" + fixture.emailTemplate() + "/preview",
                "/providers/http-sms/receipts"));
    String authorization = path.startsWith("/admin") ? adminBearer() : bearer();
    return new Request("broken-body", "POST", path, headers(authorization), out.toByteArray());
  }

  private Request json(
      String family, String method, String target, String authorization, String body) {
    return new Request(
        family, method, target, headers(authorization), body.getBytes(StandardCharsets.UTF_8));
  }

  private Request get(String family, String target, String authorization) {
    return new Request(family, "GET", target, headers(authorization), null);
  }

  private static Map<String, String> headers(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  private String bearer() {
    return "Bearer " + Tokens.token(fixture.apiKey(), Instant.now());
  }

  private String adminBearer() {
    return "Bearer " + fixture.adminToken();
  }
}
