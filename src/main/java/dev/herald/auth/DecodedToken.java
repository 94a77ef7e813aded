package dev.herald.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.herald.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token decoded without verification, as PyJWT's unverified decode does: any algorithm (even
 * {@code none} with no signature) decodes, so that the algorithm check can answer it; numbers keep
 * their exact value however large ({@code 1e400} is a {@link java.math.BigDecimal}).
 */
record DecodedToken(String algorithm, Map<String, Object> claims, SignedJWT hs256) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static DecodedToken decode(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid();
    }
    Object algorithm = object(parts[0]).get("alg");
    Map<String, Object> claims = object(parts[1]);
    if (!JWSAlgorithm.HS256.getName().equals(algorithm)) {
      return new DecodedToken(String.valueOf(algorithm), claims, null);
    }
    try {
      return new DecodedToken(JWSAlgorithm.HS256.getName(), claims, SignedJWT.parse(token));
    } catch (ParseException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** Whether the token is HS256 and signed with this secret. */
  boolean signedBy(String secret) {
    try {
      return hs256 != null
          && hs256.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String part) {
    try {
      Object value = JSON.readValue(new Base64URL(part).decode(), Object.class);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    } catch (JacksonException | IllegalArgumentException e) {
      // not JSON: the same answer as a JSON value that is not an object
    }
    throw invalid();
  }

  private static ApiException invalid() {
    return ApiException.auth(403, TokenVerifier.INVALID_TOKEN);
  }
}
