package dev.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticationIT extends ApiIT {

  private static final String INVALID =
      "Invalid token: make sure your API token matches the example at"
          + " https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";

  private Http.Response get(String authorization) {
    return http.send("GET", "/v2/templates", authorization, null);
  }

  private static String envelope(int status, String message) {
    return "{\"status_code\":"
        + status
        + ",\"errors\":[{\"error\":\"AuthError\",\"message\":\""
        + message
        + "\"}]}";
  }

  @Test
  void acceptsATokenSignedWithAnActiveKey() {
    String key = herald.key(herald.liveService(), "normal");
    assertThat(get(Tokens.bearer(key)).status()).isEqualTo(200);
  }

  @Test
  void refusesAMissingHeader() {
    Http.Response r = get(null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body())
        .isEqualTo(envelope(401, "Unauthorized: authentication token must be provided"));
  }

  @Test
  void refusesAnotherScheme() {
    Http.Response r = get("Basic abc");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body())
        .isEqualTo(envelope(401, "Unauthorized: authentication bearer scheme must be used"));
  }

  @Test
  void matchesTheSchemeWithoutRegardToCase() {
    String key = herald.key(herald.liveService(), "normal");
    assertThat(get("bEARER " + Tokens.token(key, Instant.now())).status()).isEqualTo(200);
  }

  @Test
  void refusesAnUndecodableToken() {
    Http.Response r = get("Bearer not-a-jwt");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(envelope(403, INVALID));
  }

  @Test
  void refusesATokenWithoutIssuer() {
    Http.Response r =
        get(
            "Bearer "
                + Tokens.sign(
                    UUID.randomUUID().toString(), Map.of("iat", Instant.now().getEpochSecond())));
    assertThat(r.body()).isEqualTo(envelope(403, "Invalid token: iss field not provided"));
  }

  @Test
  void refusesAnIssuerThatIsNotAUuid() {
    Http.Response r =
        get(
            "Bearer "
                + Tokens.sign(
                    UUID.randomUUID().toString(),
                    Map.of("iss", "nope", "iat", Instant.now().getEpochSecond())));
    assertThat(r.body())
        .isEqualTo(envelope(403, "Invalid token: service id is not the right data type"));
  }

  @Test
  void refusesAnUnknownService() {
    String key = "k-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    assertThat(get(Tokens.bearer(key)).body())
        .isEqualTo(envelope(403, "Invalid token: service not found"));
  }

  @Test
  void refusesAServiceWithoutKeys() {
    UUID service = herald.liveService();
    String key = "k-" + service + "-" + UUID.randomUUID();
    assertThat(get(Tokens.bearer(key)).body())
        .isEqualTo(envelope(403, "Invalid token: service has no API keys"));
  }

  @Test
  void refusesAnArchivedService() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    herald.adminOk("PATCH", "/admin/services/" + service, Map.of("active", false));
    assertThat(get(Tokens.bearer(key)).body())
        .isEqualTo(envelope(403, "Invalid token: service is archived"));
  }

  @Test
  void refusesAnAlgorithmOtherThanHs256() {
    String key = herald.key(herald.liveService(), "normal");
    String token =
        Tokens.withAlgorithm(
            "HS512", Map.of("iss", Tokens.serviceIdOf(key), "iat", Instant.now().getEpochSecond()));
    assertThat(get("Bearer " + token).body())
        .isEqualTo(envelope(403, "Invalid token: algorithm used is not HS256"));
  }

  @Test
  void refusesAnUnsignedTokenAsTheWrongAlgorithm() {
    String key = herald.key(herald.liveService(), "normal");
    String token =
        Tokens.withAlgorithm(
            "none", Map.of("iss", Tokens.serviceIdOf(key), "iat", Instant.now().getEpochSecond()));
    String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
    assertThat(get("Bearer " + unsigned).body())
        .isEqualTo(envelope(403, "Invalid token: algorithm used is not HS256"));
  }

  @Test
  void refusesAnIssuedAtOrExpiryBeyondAnyDateWithoutAServerError() {
    String key = herald.key(herald.liveService(), "normal");
    String iss = Tokens.serviceIdOf(key);
    long now = Instant.now().getEpochSecond();
    assertThat(
            get("Bearer "
                    + Tokens.signJson(
                        Tokens.secretOf(key), "{\"iss\":\"" + iss + "\",\"iat\":1e400}"))
                .body())
        .isEqualTo(envelope(403, "Error: Your system clock must be accurate to within 30 seconds"));
    assertThat(
            get("Bearer "
                    + Tokens.signJson(
                        Tokens.secretOf(key),
                        "{\"iss\":\"" + iss + "\",\"iat\":-99999999999999999999999}"))
                .body())
        .isEqualTo(envelope(403, "Error: Your system clock must be accurate to within 30 seconds"));
    assertThat(
            get("Bearer "
                    + Tokens.signJson(
                        Tokens.secretOf(key),
                        "{\"iss\":\"" + iss + "\",\"iat\":" + now + ",\"exp\":-1e400}"))
                .body())
        .isEqualTo(envelope(403, INVALID));
    assertThat(
            get("Bearer "
                    + Tokens.signJson(
                        Tokens.secretOf(key),
                        "{\"iss\":\""
                            + iss
                            + "\",\"iat\":"
                            + now
                            + ",\"exp\":99999999999999999999999}"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void refusesATokenIssuedMoreThanThirtySecondsAgoOrAhead() {
    String key = herald.key(herald.liveService(), "normal");
    String clockError =
        envelope(403, "Error: Your system clock must be accurate to within 30 seconds");
    assertThat(get("Bearer " + Tokens.token(key, Instant.now().minusSeconds(31))).body())
        .isEqualTo(clockError);
    assertThat(get("Bearer " + Tokens.token(key, Instant.now().plusSeconds(31))).body())
        .isEqualTo(clockError);
    assertThat(get("Bearer " + Tokens.token(key, Instant.now().minusSeconds(25))).status())
        .isEqualTo(200);
  }

  @Test
  void refusesTheSameTokenOnceItsIssuedAtFallsOutOfTheWindow() {
    String key = herald.key(herald.liveService(), "normal");
    Instant now = Instant.now();
    String bearer = "Bearer " + Tokens.token(key, now);
    clock.set(now);
    assertThat(get(bearer).status()).isEqualTo(200);
    clock.set(now.plusSeconds(31));
    assertThat(get(bearer).body())
        .isEqualTo(envelope(403, "Error: Your system clock must be accurate to within 30 seconds"));
  }

  @Test
  void treatsAMissingIssuedAtAsNoMatchingKey() {
    String key = herald.key(herald.liveService(), "normal");
    String token = Tokens.sign(Tokens.secretOf(key), Map.of("iss", Tokens.serviceIdOf(key)));
    assertThat(get("Bearer " + token).body())
        .isEqualTo(envelope(403, "Invalid token: API key not found"));
  }

  @Test
  void refusesATokenSignedWithAnotherSecret() {
    UUID service = herald.liveService();
    herald.key(service, "normal");
    String forged = "k-" + service + "-" + UUID.randomUUID();
    assertThat(get(Tokens.bearer(forged)).body())
        .isEqualTo(envelope(403, "Invalid token: API key not found"));
  }

  @Test
  void refusesATokenSignedWithARevokedKey() {
    UUID service = herald.liveService();
    var created =
        herald.adminOk(
            "POST",
            "/admin/services/" + service + "/api-keys",
            Map.of("name", "to revoke", "key_type", "normal"));
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/api-keys/" + created.get("id").asString() + "/revoke",
        null);
    assertThat(get(Tokens.bearer(created.get("key").asString())).body())
        .isEqualTo(envelope(403, "Invalid token: API key revoked"));
  }

  @Test
  void forgetsKeysRevokedMoreThanSevenDaysAgo() {
    UUID service = herald.liveService();
    var created =
        herald.adminOk(
            "POST",
            "/admin/services/" + service + "/api-keys",
            Map.of("name", "old", "key_type", "normal"));
    clock.set(Instant.now().minus(java.time.Duration.ofDays(8)));
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/api-keys/" + created.get("id").asString() + "/revoke",
        null);
    clock.reset();
    herald.key(service, "test");
    assertThat(get(Tokens.bearer(created.get("key").asString())).body())
        .isEqualTo(envelope(403, "Invalid token: API key not found"));
  }

  @Test
  void refusesATokenAlreadyAcceptedOnceItsKeyIsRevoked() {
    UUID service = herald.liveService();
    var created =
        herald.adminOk(
            "POST",
            "/admin/services/" + service + "/api-keys",
            Map.of("name", "revoked while in use", "key_type", "normal"));
    String bearer = Tokens.bearer(created.get("key").asString());
    assertThat(get(bearer).status()).isEqualTo(200);
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/api-keys/" + created.get("id").asString() + "/revoke",
        null);
    assertThat(get(bearer).body()).isEqualTo(envelope(403, "Invalid token: API key revoked"));
  }
}
