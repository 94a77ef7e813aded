package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.RawHttp;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's own fuzz test: seeded hostile requests across every endpoint family. None may get a 5xx
 * or one of Tomcat's HTML pages; every error is Notify's envelope (or its app-level 404/405 body);
 * and none of the personal values sent may reach the log. Run another seed with {@code
 * -Dherald.fuzz.seed=N}, more requests with {@code -Dherald.fuzz.requests=N}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputFuzzIT extends ApiIT {

  private static final long SEED = Long.getLong("herald.fuzz.seed", 20_261_201L);
  private static final int REQUESTS = Integer.getInteger("herald.fuzz.requests", 10_000);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Test
  void hostileRequestsGetAClientErrorInTheEnvelopeAndLeaveNoPersonalDataInTheLog(
      CapturedOutput output) throws Exception {
    HostileRequests requests = new HostileRequests(fixture(), new Random(SEED));
    RawHttp raw = new RawHttp(port);
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      HostileRequests.Request request = requests.next();
      RawHttp.Response response =
          raw.send(request.method(), request.target(), request.headers(), request.body());
      statuses.merge(request.family() + " " + response.status(), 1, Integer::sum);
      String problem = problem(request, response);
      if (problem != null && failures.size() < 40) {
        failures.add(
            "#"
                + i
                + " "
                + request.family()
                + " "
                + request.method()
                + " "
                + abbreviate(request.target())
                + " -> "
                + response.status()
                + ": "
                + problem);
      }
    }
    System.out.println("Fuzz seed " + SEED + ", " + REQUESTS + " requests: " + statuses);
    assertThat(failures).as("seed %d", SEED).isEmpty();
    List<String> leaks =
        output
            .getAll()
            .lines()
            .filter(
                l ->
                    l.contains(HostileValues.MARKER)
                        || l.contains("7700900")
                        || l.contains("7700 900"))
            .limit(20)
            .map(HostileInputFuzzIT::abbreviate)
            .toList();
    assertThat(leaks).as("log lines with personal data").isEmpty();
  }

  private HostileRequests.Fixture fixture() throws Exception {
    UUID service =
        herald.service(
            Map.of(
                "name",
                "Fuzz " + UUID.randomUUID(),
                "restricted",
                false,
                "rate_limit",
                1_000_000,
                "email_message_limit",
                1_000_000,
                "sms_message_limit",
                1_000_000,
                "letter_message_limit",
                1_000_000,
                "permissions",
                List.of("email", "sms", "letter", "international_sms", "inbound_sms"),
                "contact_link",
                "https://example.gov.uk/contact"));
    String key = herald.key(service, "normal");
    UUID email = herald.template(service, "email", "Hello ((name))", "Dear ((name)),\n\n((name))");
    UUID sms = herald.template(service, "sms", null, "Hi ((name))");
    UUID letter = herald.template(service, "letter", "Letter ((name))", "Dear ((name))");
    Http.Response sent =
        http.send(
            "POST",
            "/v2/notifications/sms",
            dev.herald.testdata.Tokens.bearer(key),
            Http.json(
                Map.of(
                    "phone_number", "07700900123",
                    "template_id", sms.toString(),
                    "personalisation", Map.of("name", HostileValues.MARKER))));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String adminToken = Files.readString(properties.dataDir().resolve("admin-token")).strip();
    return new HostileRequests.Fixture(
        service,
        key,
        adminToken,
        email,
        sms,
        letter,
        UUID.fromString(sent.json().get("id").asString()));
  }

  /** What is wrong with the answer, or null. */
  private static String problem(HostileRequests.Request request, RawHttp.Response response) {
    if (response.status() >= 500) {
      return "server error " + abbreviate(response.body());
    }
    if (response.body().contains("<title>HTTP Status")) {
      return "Tomcat's error page";
    }
    if (response.status() < 400) {
      return null;
    }
    String type = response.header("content-type");
    boolean downloadPage =
        request.target().startsWith("/d/") && type != null && type.startsWith("text/html");
    if (downloadPage) {
      return null;
    }
    if (type == null || !type.startsWith("application/json")) {
      return "error without JSON: " + type + " " + abbreviate(response.body());
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      return "error body is not JSON: " + abbreviate(response.body());
    }
    return envelopeProblem(response.status(), body);
  }

  private static String envelopeProblem(int status, JsonNode body) {
    if ((status == 404 || status == 405) && "error".equals(text(body, "result"))) {
      return body.has("message") ? null : "app-level error without a message";
    }
    JsonNode errors = body.get("errors");
    if (body.path("status_code").asInt() != status
        || errors == null
        || !errors.isArray()
        || errors.isEmpty()) {
      return "not the error envelope: " + abbreviate(body.toString());
    }
    for (JsonNode error : errors) {
      if (text(error, "error") == null || text(error, "message") == null) {
        return "an error without error and message: " + abbreviate(body.toString());
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? null : value.asString();
  }

  private static String abbreviate(String text) {
    String safe = text.replace(HostileValues.MARKER, "<marker>");
    return safe.length() <= 160 ? safe : safe.substring(0, 160) + "…(" + safe.length() + ")";
  }
}
