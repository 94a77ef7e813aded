package dev.herald.provider.letter;

import dev.herald.print.PrintLetter;
import java.nio.charset.StandardCharsets;

/**
 * {@code MANIFEST.CSV}, the last entry of each ZIP: a header, then a line per PDF (file name,
 * notification id, reference, postage, sheets), so the printer can tell a whole ZIP from a cut one
 * and count what it holds. It carries no address.
 */
final class PrintManifest {

  static final String NAME = "MANIFEST.CSV";

  private final StringBuilder csv =
      new StringBuilder("file,notification_id,reference,postage,sheets\r\n");

  void add(String fileName, PrintLetter letter) {
    csv.append(fileName)
        .append(',')
        .append(letter.notificationId())
        .append(',')
        .append(letter.reference())
        .append(',')
        .append(letter.postage())
        .append(',')
        .append(letter.sheets())
        .append("\r\n");
  }

  byte[] bytes() {
    return csv.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
