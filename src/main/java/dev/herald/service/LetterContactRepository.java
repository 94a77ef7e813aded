package dev.herald.service;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The letter contact blocks of services. */
@Repository
public class LetterContactRepository {

  /** A contact block as the admin API shows it. */
  public record LetterContact(UUID id, String contactBlock, boolean isDefault, Instant createdAt) {}

  private final JdbcClient jdbc;

  LetterContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a contact block; the first one, or one marked default, becomes the default. */
  @Transactional
  public void add(UUID id, UUID serviceId, String contactBlock, boolean isDefault, Instant now) {
    boolean makeDefault = isDefault || all(serviceId).isEmpty();
    if (makeDefault) {
      jdbc.sql(
              "UPDATE service_letter_contacts SET is_default = false WHERE service_id = :serviceId")
          .param("serviceId", serviceId)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO service_letter_contacts (id, service_id, contact_block, is_default,
                                                 created_at)
            VALUES (:id, :serviceId, :contactBlock, :isDefault, :now)
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("contactBlock", contactBlock)
        .param("isDefault", makeDefault)
        .param("now", Sql.ts(now))
        .update();
  }

  /** The service's contact blocks not archived, the default first, then oldest first. */
  public List<LetterContact> all(UUID serviceId) {
    return jdbc.sql(
            """
            SELECT id, contact_block, is_default, created_at FROM service_letter_contacts
             WHERE service_id = :serviceId AND NOT archived
             ORDER BY is_default DESC, created_at, id
            """)
        .param("serviceId", serviceId)
        .query(LetterContactRepository::contact)
        .list();
  }

  /** One of the service's contact blocks, unless archived. */
  public Optional<LetterContact> find(UUID serviceId, UUID id) {
    return jdbc.sql(
            """
            SELECT id, contact_block, is_default, created_at FROM service_letter_contacts
             WHERE id = :id AND service_id = :serviceId AND NOT archived
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(LetterContactRepository::contact)
        .optional();
  }

  /** Archives a contact block; answers whether it was there to archive. */
  public boolean archive(UUID serviceId, UUID id) {
    return jdbc.sql(
                """
                UPDATE service_letter_contacts SET archived = true, is_default = false
                 WHERE id = :id AND service_id = :serviceId AND NOT archived
                """)
            .param("id", id)
            .param("serviceId", serviceId)
            .update()
        == 1;
  }

  private static LetterContact contact(ResultSet rs, int row) throws SQLException {
    return new LetterContact(
        rs.getObject("id", UUID.class),
        rs.getString("contact_block"),
        rs.getBoolean("is_default"),
        Sql.instant(rs, "created_at"));
  }
}
