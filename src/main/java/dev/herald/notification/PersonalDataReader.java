package dev.herald.notification;

import dev.herald.support.Sql;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads notifications' personal data from the partitions of their expiry days only.
 *
 * <p>The days are a constant of the statement's text ({@link ExpiryDays#literal}), so PostgreSQL
 * prunes the partitions while planning, in a custom plan and in the generic plan pgjdbc's
 * server-side statements may switch to. Matched on the notification's {@code expires_on} in a join,
 * a read by id took 5.3 ms of planning and locked 797 relations; as two statements, 0.2 + 0.1 ms
 * and 28 + 9 (docs/performance.md, "Partition pruning").
 */
@Repository
public class PersonalDataReader {

  private final JdbcClient jdbc;

  PersonalDataReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The personal data still held of these notifications (each id with its {@code expires_on}); one
   * re-dated since its day was read is looked for on its new day.
   */
  public Map<UUID, PersonalData> find(Map<UUID, LocalDate> days) {
    if (days.isEmpty()) {
      return Map.of();
    }
    Map<UUID, PersonalData> found = read(days);
    if (found.size() < days.size()) {
      Map<UUID, LocalDate> moved = redated(days, found.keySet());
      if (!moved.isEmpty()) {
        found.putAll(read(moved));
      }
    }
    return found;
  }

  /** The statement reading personal data by id from the partitions of these days. */
  public static String statement(Collection<LocalDate> days) {
    return """
        SELECT notification_id, expires_on, recipient, normalised_recipient,
               personalisation::text AS personalisation, reply_to_text, unsubscribe_link
          FROM notification_personal_data
         WHERE expires_on = ANY ('%s'::date[])
           AND notification_id = ANY (:ids)
        """
        .formatted(ExpiryDays.literal(days));
  }

  private Map<UUID, PersonalData> read(Map<UUID, LocalDate> days) {
    Map<UUID, PersonalData> found = new HashMap<>(days.size() * 2);
    jdbc.sql(statement(days.values()))
        .param("ids", Sql.array("uuid", days.keySet()))
        .query(
            (rs, row) -> {
              UUID id = rs.getObject("notification_id", UUID.class);
              if (rs.getObject("expires_on", LocalDate.class).equals(days.get(id))) {
                found.put(id, NotificationRepository.personalData(rs));
              }
              return id;
            })
        .list();
    return found;
  }

  /** Those not found whose expiry day is no longer the one read, with their day now. */
  private Map<UUID, LocalDate> redated(Map<UUID, LocalDate> days, Collection<UUID> found) {
    Map<UUID, LocalDate> missing = new HashMap<>(days);
    missing.keySet().removeAll(found);
    Map<UUID, LocalDate> moved = new HashMap<>();
    jdbc.sql("SELECT id, expires_on FROM notifications WHERE id = ANY (:ids)")
        .param("ids", Sql.array("uuid", missing.keySet()))
        .query(
            (rs, row) -> {
              UUID id = rs.getObject("id", UUID.class);
              LocalDate now = rs.getObject("expires_on", LocalDate.class);
              if (!now.equals(missing.get(id))) {
                moved.put(id, now);
              }
              return id;
            })
        .list();
    return moved;
  }
}
