package dev.herald.print;

import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.Receipts;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Print receipts as provider receipts ({@link Receipts}): found by the letter's reference and the
 * provider it was handed to, along the letter's allowed transitions, kept when early.
 */
@Component
class PrintReceiptSink implements PrintReceipts {

  private static final Set<NotificationStatus> PRINTER_STATUSES =
      Set.of(NotificationStatus.DELIVERED, NotificationStatus.TECHNICAL_FAILURE);
  private static final Logger log = LoggerFactory.getLogger(PrintReceiptSink.class);

  private final Receipts receipts;
  private final JdbcClient jdbc;

  PrintReceiptSink(Receipts receipts, JdbcClient jdbc) {
    this.receipts = receipts;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UUID> apply(PrintReceipt receipt) {
    if (!PRINTER_STATUSES.contains(receipt.status())) {
      throw new IllegalArgumentException("A printer reports delivered or technical-failure only");
    }
    return receipts.apply(
        new ProviderReceipt(
            receipt.provider(), receipt.reference(), receipt.status(), receipt.at()));
  }

  @Override
  public Optional<UUID> applyById(UUID notificationId, PrintReceipt receipt) {
    Optional<String> reference =
        jdbc.sql(
                """
                SELECT reference FROM notifications
                 WHERE id = :id AND notification_type = 'letter' AND reference IS NOT NULL
                """)
            .param("id", notificationId)
            .query(String.class)
            .optional();
    if (reference.isEmpty()) {
      log.info(
          "Receipt from {} for letter {}, which Herald does not have",
          receipt.provider(),
          notificationId);
      return Optional.empty();
    }
    return apply(
        new PrintReceipt(receipt.provider(), reference.get(), receipt.status(), receipt.at()));
  }
}
