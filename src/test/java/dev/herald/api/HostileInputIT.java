package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.RawHttp;
import dev.herald.testdata.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald probed as a hostile client: NUL and lone surrogates, bad percent-escapes, and the requests
 * Tomcat refuses before Spring sees them. Each is a 4xx in the envelope, and the value sent never
 * reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends ApiIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private UUID service;
  private String key;
  private UUID smsTemplate;
  private RawHttp raw;
  private String secret;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    smsTemplate = herald.template(service, "sms", null, "Hello ((name))");
    raw = new RawHttp(port);
    secret = "hostile-" + UUID.randomUUID();
  }

  private String adminAuth() {
    try {
      return "Bearer " + Files.readString(properties.dataDir().resolve("admin-token")).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An SMS body with {@code fragment} (JSON text) added at the top level. */
  private String sms(String personalisation, String extra) {
    return "{\"template_id\":\""
        + smsTemplate
        + "\",\"phone_number\":\"07700900123\",\"personalisation\":"
        + personalisation
        + extra
        + "}";
  }

  private Http.Response send(String body) {
    return http.send("POST", "/v2/notifications/sms", Tokens.bearer(key), body);
  }

  private static void assertBadRequest(int status, String contentType, String body) {
    assertThat(status).as(body).isEqualTo(400);
    assertEnvelope(status, contentType, body, "BadRequestError");
  }

  private static void assertEnvelope(int status, String contentType, String body, String error) {
    assertThat(contentType).as(body).startsWith("application/json");
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("status_code").asInt()).isEqualTo(status);
    assertThat(json.get("errors").get(0).get("error").asString()).isEqualTo(error);
    assertThat(json.get("errors").get(0).get("message").asString()).isNotBlank();
  }

  private static void assertBadRequest(Http.Response r) {
    assertBadRequest(r.status(), r.raw().headers().firstValue("Content-Type").orElse(""), r.body());
  }

  private static void assertBadRequest(RawHttp.Response r) {
    assertBadRequest(r.status(), r.header("Content-Type"), r.body());
  }

  @Test
  void refusesNulAndLoneSurrogatesInEveryJsonStringWithoutLoggingThem(CapturedOutput output) {
    for (String bad : new String[] {"\\u0000", "\\ud800", "\\udc00x"}) {
      assertBadRequest(send(sms("{\"name\":\"Jo\"}", ",\"reference\":\"" + secret + bad + "\"")));
      assertBadRequest(send(sms("{\"" + secret + bad + "\":\"Jo\"}", "")));
      assertBadRequest(send(sms("{\"name\":\"" + secret + bad + "\"}", "")));
      assertBadRequest(send(sms("{\"name\":[{\"deep\":\"" + secret + bad + "\"}]}", "")));
      assertBadRequest(
          herald
              .http()
              .send(
                  "POST",
                  "/admin/services",
                  adminAuth(),
                  "{\"name\":\"" + secret + bad + "\",\"restricted\":false}"));
    }
    assertThat(send(sms("{\"name\":\"Jo \\ud83d\\ude00\"}", "")).status()).isEqualTo(201);
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void refusesNulAndBadEscapesInQueryStringsWithoutLoggingThem(CapturedOutput output) {
    String auth = Tokens.bearer(key);
    String admin = adminAuth();
    String[][] targets = {
      {"/v2/notifications?reference=" + secret + "@example.gov.uk", auth},
      {"/v2/notifications?template_type=sms&status=" + secret, auth},
      {"/v2/received-text-messages?older_than=" + secret, auth},
      {"/v2/templates?type=" + secret, auth},
      {"/admin/services/" + service + "/notifications?to=" + secret, admin},
      {"/admin/services/" + service + "/statistics?days=" + secret, admin},
      {"/admin/services/" + service + "/template-usage?year=" + secret, admin},
      {"/admin/services/" + service + "/complaints?older_than=" + secret, admin},
    };
    for (String[] target : targets) {
      for (String bad : new String[] {"%ZZ", "%00", "%ED%A0%80", "%", "%C3"}) {
        RawHttp.Response r =
            raw.send("GET", target[0] + bad, Map.of("Authorization", target[1]), (byte[]) null);
        assertThat(r.status()).as(target[0] + bad + " " + r.body()).isEqualTo(400);
        assertBadRequest(r);
      }
    }
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void refusesBadEscapesAndNulInTheDownloadFormWithoutLoggingThem(CapturedOutput output) {
    for (String bad : new String[] {"%ZZ", "%00"}) {
      RawHttp.Response r =
          raw.send(
              "POST",
              "/d/" + service + "/" + UUID.randomUUID() + "?key=abc",
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              "email_address=" + secret + bad);
      assertBadRequest(r);
    }
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void refusesNulInAHeaderHeraldReads(CapturedOutput output) {
    RawHttp.Response r =
        raw.send(
            "GET",
            "/v2/notifications",
            Map.of("Authorization", "Bearer " + secret + "\u0000x"),
            (byte[]) null);
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
    assertEnvelope(
        r.status(),
        r.header("Content-Type"),
        r.body(),
        r.status() == 400 ? "BadRequestError" : "AuthError");
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void logsTheRouteNotThePathAsSent(CapturedOutput output) {
    UUID id = UUID.randomUUID();
    assertThat(
            http.send(
                    "GET",
                    "/v2/notifications/" + secret + "@example.gov.uk",
                    Tokens.bearer(key),
                    null)
                .status())
        .isEqualTo(400);
    assertThat(http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).status())
        .isEqualTo(404);
    assertThat(http.send("GET", "/" + secret, Tokens.bearer(key), null).status()).isEqualTo(404);

    assertThat(output.getAll())
        .doesNotContain(secret)
        .contains("GET /v2/notifications/{id} 400")
        .contains("GET /v2/notifications/" + id + " 404")
        .contains("GET (no route) 404");
  }

  @Test
  void answersTomcatsOwnRefusalsInTheEnvelope() {
    for (String path :
        new String[] {
          "/v2/notifications/%00",
          "/v2/notifications/a%2Fb",
          "/v2/notifications/%ZZ",
          "/v2/template/%ED%A0%80"
        }) {
      RawHttp.Response r =
          raw.send("GET", path, Map.of("Authorization", Tokens.bearer(key)), (byte[]) null);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
      assertBadRequest(r);
    }

    String many =
        IntStream.range(0, 1_001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
    RawHttp.Response tooMany =
        raw.send(
            "GET",
            "/v2/notifications?" + many,
            Map.of("Authorization", Tokens.bearer(key)),
            (byte[]) null);
    assertBadRequest(tooMany);

    RawHttp.Response longUri =
        raw.send(
            "GET", "/v2/notifications?reference=" + "x".repeat(9_000), Map.of(), (byte[]) null);
    assertThat(longUri.status()).as(longUri.body()).isIn(400, 414);
    assertEnvelope(
        longUri.status(), longUri.header("Content-Type"), longUri.body(), "BadRequestError");

    RawHttp.Response badLine = raw.send("GET", "/v2/notifi\u0001cations", Map.of(), (byte[]) null);
    assertBadRequest(badLine);
  }

  @Test
  void answersJsonToAClientThatAsksForHtml() {
    Map<String, String> html = Map.of("Authorization", Tokens.bearer(key), "Accept", "text/html");
    RawHttp.Response list = raw.send("GET", "/v2/notifications", html, (byte[]) null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.header("Content-Type")).startsWith("application/json");

    RawHttp.Response missing =
        raw.send("GET", "/v2/notifications/" + UUID.randomUUID(), html, (byte[]) null);
    assertThat(missing.status()).isEqualTo(404);
    assertEnvelope(404, missing.header("Content-Type"), missing.body(), "NoResultFound");

    RawHttp.Response refused = raw.send("POST", "/v2/notifications/sms", html, "{}");
    assertThat(refused.status()).isEqualTo(400);
    assertEnvelope(400, refused.header("Content-Type"), refused.body(), "ValidationError");

    RawHttp.Response wrongMethod = raw.send("PUT", "/v2/notifications/sms", html, "{}");
    assertThat(wrongMethod.status()).as(wrongMethod.body()).isEqualTo(405);
    assertThat(wrongMethod.header("Content-Type")).startsWith("application/json");
    assertThat(JSON.readTree(wrongMethod.body()).get("result").asString()).isEqualTo("error");
  }

  @Test
  void answersAReferenceTooLongForItsIndexWithAClientError(CapturedOutput output) {
    // 1,000 characters, within Notify's limit, but ~3,000 bytes that do not compress: more than
    // PostgreSQL's index entry can hold.
    StringBuilder reference = new StringBuilder();
    new java.util.Random(5).ints(1000, 0x4E00, 0x9FFF).forEach(reference::appendCodePoint);
    Http.Response r = send(sms("{\"name\": \"x\"}", ", \"reference\": \"" + reference + "\""));
    assertBadRequest(r);
    assertThat(output.getAll()).doesNotContain(reference.substring(0, 20));
  }
}
