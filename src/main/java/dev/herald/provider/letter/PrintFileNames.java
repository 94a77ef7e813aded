package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintLetter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The names of a batch's files on the printer's server, built from the batch's content alone so
 * that a batch sent again overwrites its own files, in the shape of Notify's FTP flow.
 *
 * <p>A ZIP is {@code NOTIFY.{runDay}.{postage code}.{SSSNNN}.{hash}.{service id}.ZIP}: {@code SSS}
 * is the batch's sequence in its run and {@code NNN} the ZIP's number in the batch from 001, each
 * at least 3 digits, so names stay unique across a run's batches of one service and postage; the
 * hash is the first 20 characters of the URL-safe base64 SHA-512 of the ZIP's PDF names joined with
 * nothing between them, as Notify's. Notify also put the organisation's id last; a batch does not
 * carry one. A PDF is {@code NOTIFY.{reference}.D.{postage code}.C.{deadline}.PDF}, Notify's letter
 * key (double-sided, colour) with the run's deadline as {@code yyyyMMddHHmmss} UTC where Notify put
 * the letter's creation. Postage codes are Notify's: 1, 2, ECONOMY, E, N.
 */
final class PrintFileNames {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

  private PrintFileNames() {}

  static String postageCode(String postage) {
    return switch (postage) {
      case "first" -> "1";
      case "second" -> "2";
      case "economy" -> "ECONOMY";
      case "europe" -> "E";
      case "rest-of-world" -> "N";
      default -> throw new IllegalArgumentException("no postage code for " + postage);
    };
  }

  static String pdf(PrintBatch batch, PrintLetter letter) {
    return "NOTIFY.%s.D.%s.C.%s.PDF"
        .formatted(
            letter.reference().toUpperCase(),
            postageCode(letter.postage()),
            STAMP.format(batch.deadline()));
  }

  static String zip(PrintBatch batch, int number, List<String> pdfNames) {
    return "NOTIFY.%s.%s.%s.%s.%s.ZIP"
        .formatted(
            batch.runDay(),
            postageCode(batch.postage()),
            counter(batch, number),
            hash(pdfNames),
            batch.serviceId());
  }

  /** Where ZIP {@code number} is written before it is renamed, the same whatever it holds. */
  static String part(PrintBatch batch, int number) {
    return "NOTIFY.%s.%s.%s.%s.ZIP.part"
        .formatted(
            batch.runDay(),
            postageCode(batch.postage()),
            counter(batch, number),
            batch.serviceId());
  }

  static String hash(List<String> names) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-512")
              .digest(String.join("", names).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().encodeToString(digest).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }

  private static String counter(PrintBatch batch, int number) {
    return "%03d%03d".formatted(batch.sequence(), number);
  }
}
