package dev.herald.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts secrets at rest (API key secrets, callback tokens, files) with AES-256-GCM. */
public final class SecretBox {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(SecretKey key) {
    this.key = key;
  }

  /** A box for a key of the caller's own, such as a per-file key that lives only in a link. */
  public static SecretBox withKey(byte[] key) {
    return new SecretBox(new SecretKeySpec(key, "AES"));
  }

  /**
   * A key of its own for one purpose, HMAC-SHA256(key, purpose): a signature made with it can be
   * neither a sealed box nor another purpose's signature, and the secret key never leaves here.
   */
  public byte[] derivedKey(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  public byte[] seal(byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  public byte[] open(byte[] box) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
      return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not decrypt: wrong HERALD_SECRET_KEY?", e);
    }
  }

  public byte[] sealString(String plaintext) {
    return seal(plaintext.getBytes(StandardCharsets.UTF_8));
  }

  public String openString(byte[] box) {
    return new String(open(box), StandardCharsets.UTF_8);
  }
}
