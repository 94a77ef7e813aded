package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  @Test
  void aDerivedKeyIsTheSameForOnePurposeAndDiffersByPurposeAndSecretKey() {
    SecretBox box = SecretBox.withKey(filled(1));

    assertThat(box.derivedKey("callbacks")).hasSize(32).isEqualTo(box.derivedKey("callbacks"));
    assertThat(box.derivedKey("callbacks")).isNotEqualTo(box.derivedKey("tokens"));
    assertThat(SecretBox.withKey(filled(2)).derivedKey("callbacks"))
        .isNotEqualTo(box.derivedKey("callbacks"));
  }

  @Test
  void sealedTextOpensAgain() {
    SecretBox box = SecretBox.withKey(filled(1));
    assertThat(box.openString(box.sealString("secret"))).isEqualTo("secret");
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}
