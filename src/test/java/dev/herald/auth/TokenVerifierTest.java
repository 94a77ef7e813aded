package dev.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.ApiException;
import dev.herald.testdata.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks made again when a token already verified is sent again. */
class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-03-29T00:30:00Z");

  private final UUID service = UUID.randomUUID();
  private final String secret = UUID.randomUUID().toString();
  private final ApiKey active =
      new ApiKey(UUID.randomUUID(), service, "my_key", secret, KeyType.NORMAL, null);
  private final AtomicReference<TokenVerifier.ServiceKeys> stored =
      new AtomicReference<>(new TokenVerifier.ServiceKeys(true, List.of(active)));
  private final TokenVerifier verifier =
      new TokenVerifier(id -> id.equals(service) ? Optional.of(stored.get()) : Optional.empty());
  private final String bearer =
      "Bearer "
          + Tokens.sign(secret, Map.of("iss", service.toString(), "iat", NOW.getEpochSecond()));

  @Test
  void acceptsTheSameTokenAgainWithinItsWindow() {
    assertThat(verifier.verify(bearer, NOW).keyId()).isEqualTo(active.id());
    assertThat(verifier.verify(bearer, NOW.plusSeconds(30)).keyId()).isEqualTo(active.id());
  }

  @Test
  void refusesAVerifiedTokenOnceItsIssuedAtFallsOutOfTheWindow() {
    verifier.verify(bearer, NOW);
    assertThatThrownBy(() -> verifier.verify(bearer, NOW.plusSeconds(31)))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: " + TokenVerifier.CLOCK);
  }

  @Test
  void refusesAVerifiedTokenOnceItsKeyIsRevoked() {
    verifier.verify(bearer, NOW);
    ApiKey revoked =
        new ApiKey(active.id(), service, "my_key", secret, KeyType.NORMAL, NOW.plusSeconds(1));
    stored.set(new TokenVerifier.ServiceKeys(true, List.of(revoked)));
    assertThatThrownBy(() -> verifier.verify(bearer, NOW.plusSeconds(2)))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: Invalid token: API key revoked");
  }

  @Test
  void refusesAVerifiedTokenOnceItsKeyIsNoLongerLoaded() {
    verifier.verify(bearer, NOW);
    ApiKey other =
        new ApiKey(
            UUID.randomUUID(), service, "other", UUID.randomUUID().toString(), KeyType.TEST, null);
    stored.set(new TokenVerifier.ServiceKeys(true, List.of(other)));
    assertThatThrownBy(() -> verifier.verify(bearer, NOW))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: Invalid token: API key not found");
  }

  @Test
  void refusesAVerifiedTokenOnceItsServiceIsArchived() {
    verifier.verify(bearer, NOW);
    stored.set(new TokenVerifier.ServiceKeys(false, List.of(active)));
    assertThatThrownBy(() -> verifier.verify(bearer, NOW))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: Invalid token: service is archived");
  }

  @Test
  void refusesATokenRefusedForItsClockAgainForTheSameReason() {
    String old =
        "Bearer "
            + Tokens.sign(
                secret,
                Map.of("iss", service.toString(), "iat", NOW.minusSeconds(31).getEpochSecond()));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> verifier.verify(old, NOW))
          .isInstanceOf(ApiException.class)
          .hasMessage("AuthError: " + TokenVerifier.CLOCK);
    }
  }

  @Test
  void refusesAnExpiredTokenAgainOnceVerified() {
    String expiring =
        "Bearer "
            + Tokens.sign(
                secret,
                Map.of(
                    "iss",
                    service.toString(),
                    "iat",
                    NOW.getEpochSecond(),
                    "exp",
                    NOW.minusSeconds(10).getEpochSecond()));
    verifier.verify(expiring, NOW);
    assertThatThrownBy(() -> verifier.verify(expiring, NOW.plusSeconds(25)))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: " + TokenVerifier.INVALID_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e400",
        "-1e400",
        "99999999999999999999999",
        "-99999999999999999999999",
        "9223372036854775807",
        "-9223372036854775808",
        "-1",
        "1.5e10",
        "\"1774744200\"",
        "null",
        "true"
      })
  void refusesAnIssuedAtThatIsNotATimeWithinTheWindowAsAClockError(String iat) {
    String token = "Bearer " + signRaw("{\"iss\":\"" + service + "\",\"iat\":" + iat + "}");
    assertThatThrownBy(() -> verifier.verify(token, NOW))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: " + TokenVerifier.CLOCK);
  }

  @Test
  void acceptsAnIssuedAtWithAFractionWithinTheWindow() {
    String token =
        "Bearer "
            + signRaw("{\"iss\":\"" + service + "\",\"iat\":" + NOW.getEpochSecond() + ".75}");
    assertThat(verifier.verify(token, NOW).keyId()).isEqualTo(active.id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-1e400", "-99999999999999999999999", "-9223372036854775808", "-1", "\"soon\""})
  void refusesAnExpiryInThePastOrNotANumberAsAnInvalidToken(String exp) {
    String token = "Bearer " + signRaw(claimsWithExpiry(exp));
    assertThatThrownBy(() -> verifier.verify(token, NOW))
        .isInstanceOf(ApiException.class)
        .hasMessage("AuthError: " + TokenVerifier.INVALID_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "99999999999999999999999", "9223372036854775807"})
  void acceptsAnExpiryBeyondAnyDateAsNotExpired(String exp) {
    String token = "Bearer " + signRaw(claimsWithExpiry(exp));
    assertThat(verifier.verify(token, NOW).keyId()).isEqualTo(active.id());
    assertThat(verifier.verify(token, NOW.plusSeconds(1)).keyId()).isEqualTo(active.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS512", "RS256", "ES256", "garbage \u00e9", ""})
  void refusesAnyAlgorithmButHs256(String alg) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    String payload = "{\"iss\":\"" + service + "\",\"iat\":" + NOW.getEpochSecond() + "}";
    for (String signature : new String[] {"", b64.encodeToString(new byte[32])}) {
      String token =
          "Bearer "
              + b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
              + "."
              + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
              + "."
              + signature;
      assertThatThrownBy(() -> verifier.verify(token, NOW))
          .isInstanceOf(ApiException.class)
          .hasMessage("AuthError: Invalid token: algorithm used is not HS256");
    }
  }

  private String claimsWithExpiry(String exp) {
    return "{\"iss\":\"" + service + "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + exp + "}";
  }

  private String signRaw(String claimsJson) {
    return Tokens.signJson(secret, claimsJson);
  }
}
