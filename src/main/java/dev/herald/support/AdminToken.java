package dev.herald.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The bearer token that authenticates the admin API. */
public record AdminToken(String value) {

  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AdminToken[****]";
  }
}
