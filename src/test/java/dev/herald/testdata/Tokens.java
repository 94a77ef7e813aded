package dev.herald.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** JWTs made the way Notify's clients make them, and deliberately wrong ones. */
public final class Tokens {

  private Tokens() {}

  public static String serviceIdOf(String key) {
    return key.substring(key.length() - 73, key.length() - 37);
  }

  public static String secretOf(String key) {
    return key.substring(key.length() - 36);
  }

  /** A valid token for this key, issued at {@code iat}. */
  public static String token(String key, Instant iat) {
    return sign(secretOf(key), Map.of("iss", serviceIdOf(key), "iat", iat.getEpochSecond()));
  }

  public static String bearer(String key) {
    return "Bearer " + token(key, Instant.now());
  }

  public static String sign(String secret, Map<String, Object> claims) {
    try {
      JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
      claims.forEach(builder::claim);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              builder.build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid HS256 signature over this exact claims text, for numbers no Java type holds. */
  public static String signJson(String secret, String claimsJson) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              new Payload(claimsJson));
      jws.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token whose header says another algorithm, signed with HS256 bytes anyway. */
  public static String withAlgorithm(String alg, Map<String, Object> claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            ("{\"typ\":\"JWT\",\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(Http.json(claims).getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + b64.encodeToString(new byte[32]);
  }
}
