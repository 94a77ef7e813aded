package dev.herald.provider.letter;

import dev.herald.print.PrintReceipt;
import dev.herald.print.PrintReceipts;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the receipts applied, in order, in place of Herald's letters (tested on their own). */
final class RecordingPrintReceipts implements PrintReceipts {

  private final List<PrintReceipt> applied = new CopyOnWriteArrayList<>();

  @Override
  public Optional<UUID> apply(PrintReceipt receipt) {
    applied.add(receipt);
    return Optional.empty();
  }

  @Override
  public Optional<UUID> applyById(UUID notificationId, PrintReceipt receipt) {
    throw new UnsupportedOperationException("SFTP receipts name letters by reference");
  }

  List<PrintReceipt> applied() {
    return List.copyOf(applied);
  }
}
