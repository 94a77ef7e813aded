package dev.herald.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Secrets Herald needs to run: the encryption key ({@code HERALD_SECRET_KEY}, or a key generated
 * once under the data directory) and the admin token.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  @Bean
  SecretBox secretBox(HeraldProperties properties) {
    String configured = properties.secretKey();
    byte[] key =
        configured != null && !configured.isBlank()
            ? decodeKey(configured.strip())
            : decodeKey(readOrCreate(properties.dataDir().resolve("secret-key"), 32));
    return new SecretBox(new SecretKeySpec(key, "AES"));
  }

  @Bean
  AdminToken adminToken(HeraldProperties properties) {
    String configured = properties.adminToken();
    if (configured != null && !configured.isBlank()) {
      return new AdminToken(configured.strip());
    }
    return new AdminToken(readOrCreate(properties.dataDir().resolve("admin-token"), 32));
  }

  /** Accepts 32 bytes as base64 or hex, or derives none: anything else is a configuration error. */
  private static byte[] decodeKey(String text) {
    byte[] key =
        text.length() == 64 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)
            ? HexFormat.of().parseHex(text)
            : Base64.getDecoder().decode(text);
    if (key.length != 32) {
      throw new IllegalStateException("HERALD_SECRET_KEY must be 32 bytes, base64 or hex encoded");
    }
    return key;
  }

  /** Reads a secret file, or writes a new random one readable by the owner only. */
  private static String readOrCreate(Path file, int bytes) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      byte[] random = new byte[bytes];
      new SecureRandom().nextBytes(random);
      String value = HexFormat.of().formatHex(random);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }
}
