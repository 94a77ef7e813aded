package dev.herald.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;

/**
 * Tokens whose signature has been checked, by their exact text, so that a token sent again (the
 * official clients reuse one for a second or more) is neither decoded nor verified again. Only what
 * the token itself proves is kept; the service, its keys and the time are checked on every request.
 */
final class VerifiedTokens {

  /**
   * A token is accepted only while its iat is within 30 s of now: 60 s at most after it is seen.
   */
  static final Duration TTL = TokenVerifier.LEEWAY.multipliedBy(2);

  /** Characters of tokens kept, about 10,000 tokens of the clients' size (~180 characters). */
  static final long MAX_CHARACTERS = 2_000_000;

  /** What a verified token says: its issuer, the secret that signed it, its iat and exp claims. */
  record Verified(UUID serviceId, String secret, Object issuedAt, Object expiry) {}

  private final Cache<String, Verified> tokens =
      Caffeine.newBuilder()
          .expireAfterWrite(TTL)
          .maximumWeight(MAX_CHARACTERS)
          .<String, Verified>weigher((token, verified) -> token.length())
          .build();

  /** The token's verified claims, or null when it has not been verified here lately. */
  Verified get(String token) {
    return tokens.getIfPresent(token);
  }

  void put(String token, Verified verified) {
    tokens.put(token, verified);
  }
}
