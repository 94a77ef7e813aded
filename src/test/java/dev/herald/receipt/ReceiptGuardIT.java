package dev.herald.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.EveryStatus;
import dev.herald.testdata.StoredNotifications;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A receipt's guarded update moves exactly what {@link Change#RECEIPT} allows. */
class ReceiptGuardIT extends ApiIT {

  @Autowired NotificationRepository notifications;
  @Autowired ReceiptRepository receipts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aReceiptMovesANotificationOnlyAlongTheReceiptTransitions() {
    EveryStatus every = new EveryStatus(notifications, jdbc, tx);
    StoredNotifications.Owner owner =
        new StoredNotifications(herald, notifications, jdbc, tx).owner();
    for (NotificationStatus to : NotificationStatus.values()) {
      List<EveryStatus.Row> rows = every.store(owner, clock.instant());

      for (EveryStatus.Row row : rows) {
        boolean moved =
            receipts
                .transition(
                    new ProviderReceipt(EveryStatus.PROVIDER, row.reference(), to, clock.instant()))
                .isPresent();
        assertThat(moved)
            .as("%s %s -> %s", row.type(), row.status(), to)
            .isEqualTo(Change.RECEIPT.allows(row.status(), to, row.type()));
      }
      assertThat(every.wronglyMoved(rows, Change.RECEIPT, to)).as("to %s", to).isEmpty();
    }
  }
}
