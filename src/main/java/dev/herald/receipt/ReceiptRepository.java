package dev.herald.receipt;

import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.support.Sql;
import java.time.Instant;
import java.util.List;
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
   * Moves the notification the provider knows by this reference to the receipt's status, only along
   * a move {@link Change#RECEIPT} allows: from {@code sending} or {@code pending} (or {@code
   * created}, which a row with a reference has left), never out of a final status, and never from
   * {@code sent} (international SMS to countries without receipts). Answers the notification
   * changed.
   */
  Optional<UUID> transition(ProviderReceipt receipt) {
    return jdbc.sql(
            """
            UPDATE notifications
               SET status = :status, updated_at = :at
             WHERE reference = :reference
               AND sent_by = :provider
               AND notification_type || ' ' || status || ' ' || :status = ANY (CAST(:guard AS text[]))
            RETURNING id
            """)
        .param("guard", Change.RECEIPT.guard())
        .param("status", receipt.status().value())
        .param("at", Sql.ts(receipt.at()))
        .param("reference", receipt.reference())
        .param("provider", receipt.provider())
        .query(UUID.class)
        .optional();
  }

  /** Whether the provider has any notification under this reference. */
  boolean known(ProviderReceipt receipt) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM notifications WHERE reference = :reference AND sent_by = :provider)")
        .param("reference", receipt.reference())
        .param("provider", receipt.provider())
        .query(Boolean.class)
        .single();
  }

  void keepEarly(ProviderReceipt receipt, Instant now) {
    jdbc.sql(
            """
            INSERT INTO early_receipts (provider, reference, status, reported_at, received_at)
            VALUES (:provider, :reference, :status, :at, :now)
            ON CONFLICT DO NOTHING
            """)
        .param("provider", receipt.provider())
        .param("reference", receipt.reference())
        .param("status", receipt.status().value())
        .param("at", Sql.ts(receipt.at()))
        .param("now", Sql.ts(now))
        .update();
  }

  /**
   * Takes (deletes and answers) the early receipts for these hand-overs, given as parallel lists of
   * providers and their references, oldest report first.
   */
  List<ProviderReceipt> takeEarly(List<String> providers, List<String> references) {
    return jdbc
        .sql(
            """
            DELETE FROM early_receipts e
             USING unnest(:providers, :references) AS h (provider, reference)
             WHERE e.reference = ANY(:references)
               AND e.provider = h.provider AND e.reference = h.reference
            RETURNING e.provider, e.reference, e.status, e.reported_at
            """)
        .param("providers", Sql.array("text", providers))
        .param("references", Sql.array("text", references))
        .query(ReceiptRepository::mapEarly)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(ProviderReceipt::at))
        .toList();
  }

  /** Early receipts received before {@code before}, oldest first, at most {@code limit}. */
  List<ProviderReceipt> early(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT provider, reference, status, reported_at FROM early_receipts
             WHERE received_at < :before ORDER BY received_at LIMIT :limit
            """)
        .param("before", Sql.ts(before))
        .param("limit", limit)
        .query(ReceiptRepository::mapEarly)
        .list();
  }

  void forgetEarly(ProviderReceipt receipt) {
    jdbc.sql(
            "DELETE FROM early_receipts WHERE provider = :provider AND reference = :reference AND status = :status")
        .param("provider", receipt.provider())
        .param("reference", receipt.reference())
        .param("status", receipt.status().value())
        .update();
  }

  int dropEarlyReceivedBefore(Instant before) {
    return jdbc.sql("DELETE FROM early_receipts WHERE received_at < :before")
        .param("before", Sql.ts(before))
        .update();
  }

  private static ProviderReceipt mapEarly(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new ProviderReceipt(
        rs.getString("provider"),
        rs.getString("reference"),
        NotificationStatus.of(rs.getString("status")).orElseThrow(),
        Sql.instant(rs, "reported_at"));
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
