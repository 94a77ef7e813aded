package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Print batches for the SFTP provider's tests: letter {@code i} has a PDF of {@code size} bytes.
 */
final class PrintTestData {

  static final UUID SERVICE = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
  static final LocalDate RUN_DAY = LocalDate.parse("2026-11-05");
  static final Instant DEADLINE = Instant.parse("2026-11-05T17:30:00Z");

  private PrintTestData() {}

  static PrintBatch batch(int sequence, List<PrintLetter> letters) {
    return new PrintBatch(
        UUID.nameUUIDFromBytes(("batch" + sequence).getBytes(StandardCharsets.UTF_8)),
        RUN_DAY,
        DEADLINE,
        sequence,
        SERVICE,
        "second",
        letters);
  }

  /** Letters 1 to {@code count}, each with a PDF of {@code size} bytes. */
  static List<PrintLetter> letters(int count, int size) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> letter(i, size)).toList();
  }

  static PrintLetter letter(int i, int size) {
    return letter(i, () -> Optional.of(pdf(i, size)));
  }

  static PrintLetter letter(int i, Supplier<Optional<byte[]>> pdf) {
    return new PrintLetter(
        UUID.nameUUIDFromBytes(("letter" + i).getBytes(StandardCharsets.UTF_8)),
        reference(i),
        "second",
        2,
        List.of("A Person", "1 Street", "SW1A 1AA"),
        false,
        pdf);
  }

  static String reference(int i) {
    return "REF%013d".formatted(i);
  }

  /** A PDF-like content that differs from letter to letter. */
  static byte[] pdf(int i, int size) {
    byte[] pdf = new byte[size];
    byte[] head = ("%PDF-1.7 letter " + i + "\n").getBytes(StandardCharsets.US_ASCII);
    for (int b = 0; b < size; b++) {
      pdf[b] = b < head.length ? head[b] : (byte) (i * 31 + b);
    }
    return pdf;
  }
}
