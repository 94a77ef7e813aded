package dev.herald.print;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Letters of one service and one postage handed over together.
 *
 * @param id the batch's identity, the same each time it is handed over
 * @param runDay the London day of the print run's 17:30 deadline
 * @param deadline that deadline
 * @param sequence the batch's number in its run, from 1
 * @param serviceId the service whose letters these are
 * @param postage {@code first}, {@code second}, {@code economy}, {@code europe} or {@code
 *     rest-of-world}
 * @param letters the letters, in a stable order
 */
public record PrintBatch(
    UUID id,
    LocalDate runDay,
    Instant deadline,
    int sequence,
    UUID serviceId,
    String postage,
    List<PrintLetter> letters) {

  public PrintBatch {
    letters = List.copyOf(letters);
  }
}
