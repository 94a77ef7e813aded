package dev.herald.service;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Team members and the guest list: who a team key or a trial-mode service may send to. */
@Repository
public class TeamRepository {

  private final JdbcClient jdbc;

  TeamRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void addUser(
      UUID id, UUID serviceId, String name, String email, String mobile, Instant now) {
    jdbc.sql(
            """
            INSERT INTO service_users (id, service_id, name, email_address, mobile_number, created_at)
            VALUES (:id, :serviceId, :name, :email, :mobile, :now)
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("name", name)
        .param("email", email)
        .param("mobile", mobile)
        .param("now", Sql.ts(now))
        .update();
  }

  /** Replaces the guest list with these recipients (type {@code email} or {@code mobile}). */
  public void replaceGuestList(UUID serviceId, List<GuestListEntry> entries, Instant now) {
    jdbc.sql("DELETE FROM service_guest_list WHERE service_id = :serviceId")
        .param("serviceId", serviceId)
        .update();
    for (GuestListEntry entry : entries) {
      jdbc.sql(
              """
              INSERT INTO service_guest_list (id, service_id, recipient_type, recipient, created_at)
              VALUES (:id, :serviceId, :type, :recipient, :now)
              """)
          .param("id", UUID.randomUUID())
          .param("serviceId", serviceId)
          .param("type", entry.type())
          .param("recipient", entry.recipient())
          .param("now", Sql.ts(now))
          .update();
    }
  }

  /** Every email address and phone number of the team and guest list, as stored. */
  public List<String> allowedRecipients(UUID serviceId) {
    return jdbc.sql(
            """
            SELECT email_address FROM service_users WHERE service_id = :serviceId
            UNION ALL
            SELECT mobile_number FROM service_users
             WHERE service_id = :serviceId AND mobile_number IS NOT NULL
            UNION ALL
            SELECT recipient FROM service_guest_list WHERE service_id = :serviceId
            """)
        .param("serviceId", serviceId)
        .query(String.class)
        .list();
  }

  /** One guest-list recipient. */
  public record GuestListEntry(String type, String recipient) {}
}
