package dev.herald.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** The recipient check of a download: a hash of the document id and the recipient's address. */
final class DownloadCheck {

  private DownloadCheck() {}

  static byte[] emailHash(UUID documentId, String normalisedEmail) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(documentId.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(normalisedEmail.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(byte[] expected, UUID documentId, String normalisedEmail) {
    return MessageDigest.isEqual(expected, emailHash(documentId, normalisedEmail));
  }
}
