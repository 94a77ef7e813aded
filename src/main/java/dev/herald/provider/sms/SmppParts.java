package dev.herald.provider.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text encoded for submit_sm: GSM-7 (data_coding 0x00) or UCS-2 (0x08), in one part or in
 * concatenated parts that each start with a user data header carrying one 8-bit reference.
 */
record SmppParts(byte dataCoding, List<byte[]> shortMessages, boolean concatenated) {

  static final byte GSM7 = 0x00;
  static final byte UCS2 = 0x08;

  private static final int GSM7_SINGLE = 160;
  private static final int GSM7_PART = 153;
  private static final int UCS2_SINGLE = 70;
  private static final int UCS2_PART = 67;

  /** Encodes a sanitised text; {@code reference} ties the parts together when there are several. */
  static SmppParts of(String text, boolean ucs2, int reference) {
    List<byte[]> chunks = ucs2 ? ucs2Chunks(text) : gsm7Chunks(text);
    byte coding = ucs2 ? UCS2 : GSM7;
    if (chunks.size() == 1) {
      return new SmppParts(coding, chunks, false);
    }
    List<byte[]> parts = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      parts.add(withHeader(chunks.get(i), reference, chunks.size(), i + 1));
    }
    return new SmppParts(coding, parts, true);
  }

  // An escape and the character it introduces stay in the same part.
  private static List<byte[]> gsm7Chunks(String text) {
    byte[] all = SmppGsm7.encode(text);
    if (all.length <= GSM7_SINGLE) {
      return List.of(all);
    }
    List<byte[]> chunks = new ArrayList<>();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream(GSM7_PART);
    for (int i = 0; i < text.length(); i++) {
      byte[] septets = SmppGsm7.encode(text.charAt(i));
      if (chunk.size() + septets.length > GSM7_PART) {
        chunks.add(chunk.toByteArray());
        chunk.reset();
      }
      chunk.writeBytes(septets);
    }
    chunks.add(chunk.toByteArray());
    return chunks;
  }

  // A surrogate pair stays in the same part.
  private static List<byte[]> ucs2Chunks(String text) {
    if (text.length() <= UCS2_SINGLE) {
      return List.of(text.getBytes(StandardCharsets.UTF_16BE));
    }
    List<byte[]> chunks = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(start + UCS2_PART, text.length());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      chunks.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
      start = end;
    }
    return chunks;
  }

  // UDH: length 5, IE 0x00 (concatenation, 8-bit reference), IE length 3, reference, total, part.
  private static byte[] withHeader(byte[] chunk, int reference, int total, int number) {
    byte[] part = new byte[6 + chunk.length];
    part[0] = 0x05;
    part[1] = 0x00;
    part[2] = 0x03;
    part[3] = (byte) reference;
    part[4] = (byte) total;
    part[5] = (byte) number;
    System.arraycopy(chunk, 0, part, 6, chunk.length);
    return part;
  }
}
