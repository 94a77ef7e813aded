package dev.herald.testdata;

import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationRepository.Queued;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.notification.PersonalData;
import dev.herald.support.Ids;
import dev.herald.support.Sql;
import dev.herald.template.TemplateType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One notification of every type in every status, stored straight through the repository and kept
 * out of the delivery queue, for tests that run a guarded statement over them and check which
 * moved. Each is handed over to {@link #PROVIDER} under its own reference, {@code sentAt} ago.
 */
public final class EveryStatus {

  /** The provider every row was handed to. */
  public static final String PROVIDER = "every-status";

  private static final PersonalData PERSONAL =
      new PersonalData("07700900123", "447700900123", "{}", null, null);

  /** A stored notification and the status it was stored in. */
  public record Row(UUID id, TemplateType type, NotificationStatus status, String reference) {}

  private final NotificationRepository notifications;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public EveryStatus(
      NotificationRepository notifications, JdbcClient jdbc, TransactionTemplate tx) {
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Stores one notification of each type in each status for the owner, sent at {@code sentAt}. */
  public List<Row> store(StoredNotifications.Owner owner, Instant sentAt) {
    List<Row> rows = new ArrayList<>();
    List<Queued> queued = new ArrayList<>();
    for (TemplateType type : TemplateType.values()) {
      for (NotificationStatus status : NotificationStatus.values()) {
        UUID id = Ids.timeOrdered();
        rows.add(new Row(id, type, status, "every-" + id));
        queued.add(new Queued(notification(owner, id, type, status), PERSONAL, 0));
      }
    }
    tx.executeWithoutResult(
        s -> {
          notifications.insertAll(queued);
          List<UUID> ids = rows.stream().map(Row::id).toList();
          jdbc.sql("DELETE FROM delivery_queue WHERE notification_id = ANY(:ids)")
              .param("ids", Sql.array("uuid", ids))
              .update();
          jdbc.sql(
                  """
                  UPDATE notifications
                     SET reference = 'every-' || id, sent_by = :provider, sent_at = :sentAt
                   WHERE id = ANY(:ids)
                  """)
              .param("provider", PROVIDER)
              .param("sentAt", Sql.ts(sentAt))
              .param("ids", Sql.array("uuid", ids))
              .update();
        });
    return rows;
  }

  /** The rows' statuses now, by id. */
  public Map<UUID, NotificationStatus> statuses(List<Row> rows) {
    return jdbc
        .sql("SELECT id, status FROM notifications WHERE id = ANY(:ids)")
        .param("ids", Sql.array("uuid", rows.stream().map(Row::id).toList()))
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getObject("id", UUID.class),
                    NotificationStatus.of(rs.getString("status")).orElseThrow()))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * The rows whose status now differs from what {@code change} to {@code to} should have left:
   * {@code to} where the change allows the move from the row's status for its type, the row's own
   * status everywhere else.
   */
  public List<String> wronglyMoved(List<Row> rows, Change change, NotificationStatus to) {
    Map<UUID, NotificationStatus> now = statuses(rows);
    return rows.stream()
        .filter(r -> now.get(r.id()) != (change.allows(r.status(), to, r.type()) ? to : r.status()))
        .map(r -> r.type().wireName() + " " + r.status().value() + " -> " + now.get(r.id()).value())
        .toList();
  }

  private static Notification notification(
      StoredNotifications.Owner owner, UUID id, TemplateType type, NotificationStatus status) {
    return new Notification(
        id,
        owner.service(),
        owner.template(),
        1,
        owner.key(),
        "normal",
        type.wireName(),
        status,
        null,
        0,
        false,
        "44",
        null,
        LocalDate.now().plusDays(7),
        Instant.now(),
        null,
        null);
  }
}
