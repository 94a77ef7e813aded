package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmppPartsTest {

  @Test
  void keepsA160SeptetTextInOnePartWithoutHeader() {
    SmppParts parts = SmppParts.of("a".repeat(160), false, 9);

    assertThat(parts.concatenated()).isFalse();
    assertThat(parts.shortMessages()).singleElement().satisfies(m -> assertThat(m).hasSize(160));
  }

  @Test
  void countsExtendedCharactersTwiceAndNeverSplitsTheirEscape() {
    SmppParts parts = SmppParts.of("a".repeat(152) + "€" + "b".repeat(10), false, 9);

    assertThat(parts.shortMessages()).hasSize(2);
    byte[] first = parts.shortMessages().getFirst();
    assertThat(first).hasSize(6 + 152);
    assertThat(SmppGsm7.decode(parts.shortMessages().get(1), 6, 6 + 2)).isEqualTo("€");
  }

  @Test
  void roundTripsTheGsmAlphabet() {
    String text =
        "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà^{}\\[~]|€";

    byte[] septets = SmppGsm7.encode(text);

    assertThat(SmppGsm7.decode(septets, 0, septets.length)).isEqualTo(text);
  }
}
