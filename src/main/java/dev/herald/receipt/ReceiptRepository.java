package dev.herald.receipt;

import dev.herald.support.Sql;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The guarded status change of a receipt, and the owner of an inbound number. */
@Repository
class ReceiptRepository {

  private final JdbcClient jdbc;

  ReceiptRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Moves the notification the provider knows by this reference to the receipt's status, only from
   * a status that may still change: {@code sending} and {@code pending} (Notify also allows {@code
   * created}, for receipts that beat the worker's own update). International SMS left {@code sent}
   * (no receipts in their country) never change. Answers the notification changed.
   */
  Optional<UUID> transition(ProviderReceipt receipt) {
    return jdbc.sql(
            """
            UPDATE notifications
               SET status = :status, updated_at = :at
             WHERE reference = :reference
               AND sent_by = :provider
               AND status IN ('created', 'sending', 'pending')
               AND status <> :status
            RETURNING id
            """)
        .param("status", receipt.status().value())
        .param("at", Sql.ts(receipt.at()))
        .param("reference", receipt.reference())
        .param("provider", receipt.provider())
        .query(UUID.class)
        .optional();
  }

  Optional<UUID> serviceWithInboundNumber(String asReceived, String normalised) {
    return jdbc.sql(
            """
            SELECT service_id FROM inbound_numbers
             WHERE active AND service_id IS NOT NULL
               AND (normalised_number = :normalised OR number = :asReceived)
             LIMIT 1
            """)
        .param("asReceived", asReceived)
        .param("normalised", normalised)
        .query(UUID.class)
        .optional();
  }
}
