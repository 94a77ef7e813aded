package dev.herald.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.herald.api.ApiException;
import dev.herald.support.Uuids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Notify's API-key authentication: the checks of contract §2.3 in their order, with their exact
 * status and message. A token seen lately is not decoded and verified again ({@link
 * VerifiedTokens}); every other check is made on each request.
 */
final class TokenVerifier {

  static final String INVALID_TOKEN =
      "Invalid token: make sure your API token matches the example at"
          + " https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";
  static final String CLOCK = "Error: Your system clock must be accurate to within 30 seconds";
  static final Duration LEEWAY = Duration.ofSeconds(30);

  /** What the verifier needs to know of a service. */
  record ServiceKeys(boolean active, List<ApiKey> keys) {}

  private final Function<UUID, Optional<ServiceKeys>> lookup;
  private final VerifiedTokens verified = new VerifiedTokens();

  TokenVerifier(Function<UUID, Optional<ServiceKeys>> lookup) {
    this.lookup = lookup;
  }

  AuthenticatedKey verify(String authorization, Instant now) {
    if (authorization == null) {
      throw ApiException.auth(401, "Unauthorized: authentication token must be provided");
    }
    if (authorization.length() < 7 || !authorization.substring(0, 7).equalsIgnoreCase("Bearer ")) {
      throw ApiException.auth(401, "Unauthorized: authentication bearer scheme must be used");
    }
    String token = authorization.substring(7);
    VerifiedTokens.Verified known = verified.get(token);
    return known == null ? verifyNew(token, now) : verifyKnown(known, now);
  }

  private AuthenticatedKey verifyNew(String token, Instant now) {
    DecodedToken jwt = DecodedToken.decode(token);
    Map<String, Object> claims = jwt.claims();
    Object issuer = claims.get("iss");
    if (issuer == null) {
      throw ApiException.auth(403, "Invalid token: iss field not provided");
    }
    UUID serviceId =
        issuer instanceof String s
            ? Uuids.parse(s).orElseThrow(TokenVerifier::wrongIssuerType)
            : throwWrongIssuerType();
    for (ApiKey key : usableKeys(serviceId)) {
      if (!JWSAlgorithm.HS256.getName().equals(jwt.algorithm())) {
        throw ApiException.auth(403, "Invalid token: algorithm used is not HS256");
      }
      if (!jwt.signedBy(key.secret()) || !claims.containsKey("iat")) {
        continue;
      }
      VerifiedTokens.Verified signed =
          new VerifiedTokens.Verified(
              serviceId, key.secret(), claims.get("iat"), claims.get("exp"));
      verified.put(token, signed);
      return accept(signed, key, now);
    }
    throw ApiException.auth(403, "Invalid token: API key not found");
  }

  /**
   * A token verified before: the same checks, in the same order, except the ones that depend only
   * on the token's text. Its signature holds for the key that has the secret it was verified with.
   */
  private AuthenticatedKey verifyKnown(VerifiedTokens.Verified known, Instant now) {
    for (ApiKey key : usableKeys(known.serviceId())) {
      if (key.secret().equals(known.secret())) {
        return accept(known, key, now);
      }
    }
    throw ApiException.auth(403, "Invalid token: API key not found");
  }

  private List<ApiKey> usableKeys(UUID serviceId) {
    ServiceKeys service =
        lookup
            .apply(serviceId)
            .orElseThrow(() -> ApiException.auth(403, "Invalid token: service not found"));
    if (service.keys().isEmpty()) {
      throw ApiException.auth(403, "Invalid token: service has no API keys");
    }
    if (!service.active()) {
      throw ApiException.auth(403, "Invalid token: service is archived");
    }
    return service.keys();
  }

  private static AuthenticatedKey accept(VerifiedTokens.Verified token, ApiKey key, Instant now) {
    TimeClaims.checkIssuedAt(token.issuedAt(), now);
    TimeClaims.checkExpiry(token.expiry(), now);
    if (key.expiryDate() != null) {
      throw ApiException.auth(403, "Invalid token: API key revoked");
    }
    return new AuthenticatedKey(token.serviceId(), key.id(), key.type());
  }

  private static ApiException wrongIssuerType() {
    return ApiException.auth(403, "Invalid token: service id is not the right data type");
  }

  private static UUID throwWrongIssuerType() {
    throw wrongIssuerType();
  }
}
