package dev.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

  private final UUID service = UUID.randomUUID();
  private final String secret = UUID.randomUUID().toString();
  private final String key = "my_key-" + service + "-" + secret;
  private final ApiKey stored =
      new ApiKey(UUID.randomUUID(), service, "my_key", secret, KeyType.TEST, null);
  private final TokenVerifier verifier =
      new TokenVerifier(
          id ->
              id.equals(service)
                  ? Optional.of(new TokenVerifier.ServiceKeys(true, List.of(stored)))
                  : Optional.empty());

  @Test
  void makesATokenTheVerifierAccepts() {
    Instant now = Instant.parse("2026-03-29T00:30:00Z");
    AuthenticatedKey caller = verifier.verify("Bearer " + BearerTokens.forKey(key, now), now);
    assertThat(caller.serviceId()).isEqualTo(service);
    assertThat(caller.keyType()).isEqualTo(KeyType.TEST);
  }

  @Test
  void makesATokenThatExpiresAfterThirtySeconds() {
    Instant now = Instant.parse("2026-03-29T00:30:00Z");
    String token = BearerTokens.forKey(key, now);
    assertThatThrownBy(() -> verifier.verify("Bearer " + token, now.plusSeconds(31)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Your system clock must be accurate to within 30 seconds");
  }

  @Test
  void refusesSomethingThatIsNotAKey() {
    assertThatThrownBy(() -> BearerTokens.forKey("short", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
