package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.SecretBox;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrintCallbackTokensTest {

  private final PrintCallbackTokens tokens = new PrintCallbackTokens(SecretBox.withKey(key(1)));
  private final UUID id = UUID.randomUUID();

  @Test
  void aTokenNamesTheLetterItWasSignedForInAUrlSafeForm() {
    String token = tokens.sign(id);
    assertThat(token).startsWith(id + ".").matches("[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.verify(token)).contains(id);
  }

  @Test
  void refusesAForgedSignature() {
    String token = tokens.sign(id);
    char last = token.charAt(token.length() - 1);
    String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void refusesAnotherLettersSignature() {
    String other = tokens.sign(UUID.randomUUID());
    assertThat(tokens.verify(id + other.substring(36))).isEmpty();
  }

  @Test
  void refusesATokenSignedWithAnotherSecretKey() {
    String token = new PrintCallbackTokens(SecretBox.withKey(key(2))).sign(id);
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void refusesTruncatedAndGarbageTokens() {
    String token = tokens.sign(id);
    for (String bad :
        new String[] {
          null,
          "",
          id.toString(),
          id + ".",
          token.substring(0, token.length() - 1),
          token + "A",
          token.toUpperCase(),
          "not a token at all, not even close to one",
          "\u0000".repeat(80)
        }) {
      assertThat(tokens.verify(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
