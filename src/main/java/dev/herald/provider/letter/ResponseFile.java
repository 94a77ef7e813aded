package dev.herald.provider.letter;

import dev.herald.notification.NotificationStatus;
import dev.herald.print.PrintReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printer's response file, {@code NOTIFY-yyyyMMddHHmmss-RSP.TXT} (the time UTC), with a line per
 * letter {@code REFERENCE|Sent|<page count>|Sorted/Unsorted} as DVLA wrote them for Notify: {@code
 * Sent} (any case) is {@code delivered}, any other status {@code technical-failure}, both at the
 * file's time (the clock's when the name carries none). A line without four fields or a
 * 16-character reference is bad: counted by its number, never repeated, the rest still read.
 *
 * @param receipts the receipts of the good lines, in file order
 * @param badLines the numbers (from 1) of the bad lines
 */
record ResponseFile(List<PrintReceipt> receipts, List<Integer> badLines) {

  private static final Pattern NAME =
      Pattern.compile("NOTIFY-(\\d{14})-RSP\\.TXT", Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERENCE = Pattern.compile("[0-9A-Z]{16}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

  ResponseFile {
    receipts = List.copyOf(receipts);
    badLines = List.copyOf(badLines);
  }

  /** Whether the printer means the file for Herald. */
  static boolean isResponse(String fileName) {
    return fileName.toUpperCase(Locale.ROOT).endsWith("-RSP.TXT");
  }

  static ResponseFile parse(String provider, String fileName, String content, Clock clock) {
    Instant at = time(fileName).orElseGet(clock::instant);
    List<PrintReceipt> receipts = new ArrayList<>();
    List<Integer> badLines = new ArrayList<>();
    String[] lines = content.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] fields = lines[i].strip().split("\\|", -1);
      String reference = fields[0].strip().toUpperCase(Locale.ROOT);
      if (fields.length != 4 || !REFERENCE.matcher(reference).matches()) {
        badLines.add(i + 1);
        continue;
      }
      receipts.add(new PrintReceipt(provider, reference, status(fields[1]), at));
    }
    return new ResponseFile(receipts, badLines);
  }

  private static NotificationStatus status(String field) {
    return field.strip().equalsIgnoreCase("Sent")
        ? NotificationStatus.DELIVERED
        : NotificationStatus.TECHNICAL_FAILURE;
  }

  private static Optional<Instant> time(String fileName) {
    Matcher name = NAME.matcher(fileName);
    if (!name.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(name.group(1), STAMP).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
