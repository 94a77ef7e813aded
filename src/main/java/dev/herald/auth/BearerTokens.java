package dev.herald.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Makes the JWT a Notify client would send for an API key, for {@code curl} users: {@code java -jar
 * herald.jar token KEY}. Valid for 30 seconds either side of its issue time.
 */
public final class BearerTokens {

  private BearerTokens() {}

  /** The signed token for {@code {name}-{service_id}-{secret}}, issued at {@code now}. */
  public static String forKey(String apiKey, Instant now) {
    if (apiKey.length() < 74) {
      throw new IllegalArgumentException("An API key looks like {name}-{service_id}-{secret}");
    }
    String serviceId = apiKey.substring(apiKey.length() - 73, apiKey.length() - 37);
    String secret = apiKey.substring(apiKey.length() - 36);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              new JWTClaimsSet.Builder()
                  .issuer(serviceId)
                  .claim("iat", now.getEpochSecond())
                  .build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Cannot sign with this key: " + e.getMessage(), e);
    }
  }
}
