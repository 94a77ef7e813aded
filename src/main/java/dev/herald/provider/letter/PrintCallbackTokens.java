package dev.herald.provider.letter;

import dev.herald.support.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a print callback's query string, its only authentication: {@code <notification
 * id>.<HMAC-SHA256 of the id>}, URL-safe base64 without padding, under a key derived from Herald's
 * secret key for this purpose alone. Only Herald can make one, and one names a single letter.
 */
final class PrintCallbackTokens {

  static final String PURPOSE = "print-callback-token";

  private static final int ID_LENGTH = 36;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  PrintCallbackTokens(SecretBox secrets) {
    this.key = new SecretKeySpec(secrets.derivedKey(PURPOSE), "HmacSHA256");
  }

  String sign(UUID notificationId) {
    String id = notificationId.toString();
    return id + "." + signature(id);
  }

  /** The letter a token names, if Herald signed it; empty for anything else. */
  Optional<UUID> verify(String token) {
    if (token == null || token.length() <= ID_LENGTH || token.charAt(ID_LENGTH) != '.') {
      return Optional.empty();
    }
    String id = token.substring(0, ID_LENGTH);
    byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(ID_LENGTH + 1).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    // Signed by Herald, so the id is one sign() wrote: canonical, lower case.
    return Optional.of(UUID.fromString(id));
  }

  private String signature(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return BASE64.encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
