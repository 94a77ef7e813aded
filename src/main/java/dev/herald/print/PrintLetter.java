package dev.herald.print;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One letter to print.
 *
 * @param notificationId the letter's id: its identity at the provider
 * @param reference its 16-character {@code [0-9A-Z]} reference (DVLA's {@code businessIdentifier},
 *     the name printers report receipts and returned letters by)
 * @param postage as its batch's
 * @param sheets sheets of paper (double-sided pages), 1 to 5
 * @param address the address as printed, one line an entry, the postcode (or the country abroad)
 *     last; personal data: never logged
 * @param international whether the address is outside the UK
 * @param pdf reads the PDF to print from the store when called (empty when it is gone); not held in
 *     memory before, so a batch costs one PDF at a time
 */
public record PrintLetter(
    UUID notificationId,
    String reference,
    String postage,
    int sheets,
    List<String> address,
    boolean international,
    Supplier<Optional<byte[]>> pdf) {

  public PrintLetter {
    address = List.copyOf(address);
  }

  @Override
  public String toString() {
    return "PrintLetter[" + notificationId + ", " + postage + ", " + sheets + " sheets]";
  }
}
