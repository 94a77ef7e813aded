package dev.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.ApiException;
import dev.herald.testdata.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

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
}
