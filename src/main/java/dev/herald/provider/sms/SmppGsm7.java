package dev.herald.provider.sms;

import java.io.ByteArrayOutputStream;

/** The GSM 03.38 default alphabet, one septet per octet (unpacked), as SMSCs take it over SMPP. */
final class SmppGsm7 {

  static final byte ESCAPE = 0x1B;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static final String EXTENDED_CHARS = "\f^{}\\[~]|€";
  private static final byte[] EXTENDED_CODES = {
    0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65
  };

  private SmppGsm7() {}

  /** The septets of a character: one, two for the extension table, or "?" when it has none. */
  static byte[] encode(char c) {
    int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
    if (basic >= 0) {
      return new byte[] {(byte) basic};
    }
    int extended = EXTENDED_CHARS.indexOf(c);
    if (extended >= 0) {
      return new byte[] {ESCAPE, EXTENDED_CODES[extended]};
    }
    return new byte[] {(byte) BASIC.indexOf('?')};
  }

  /** The septets of a text, one per octet. */
  static byte[] encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.writeBytes(encode(text.charAt(i)));
    }
    return out.toByteArray();
  }

  /** The text of unpacked septets; an unknown escape reads as a space, as GSM 03.38 advises. */
  static String decode(byte[] septets, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      int septet = septets[i] & 0x7F;
      if (septet == ESCAPE && i + 1 < to) {
        text.append(extended(septets[++i] & 0x7F));
      } else {
        text.append(BASIC.charAt(septet));
      }
    }
    return text.toString();
  }

  private static char extended(int code) {
    for (int i = 0; i < EXTENDED_CODES.length; i++) {
      if (EXTENDED_CODES[i] == code) {
        return EXTENDED_CHARS.charAt(i);
      }
    }
    return ' ';
  }
}
