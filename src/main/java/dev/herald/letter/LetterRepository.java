package dev.herald.letter;

import dev.herald.notification.NotificationStatus;
import dev.herald.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads and writes of making a letter's PDF. */
@Repository
class LetterRepository {

  /** What a templated letter's PDF is made from. */
  record ToRender(
      UUID id,
      LocalDate expiresOn,
      UUID serviceId,
      UUID templateId,
      int templateVersion,
      String keyType,
      NotificationStatus status,
      Integer pageCount,
      Instant createdAt,
      String personalisationJson,
      String contactBlock) {}

  private final JdbcClient jdbc;

  LetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ToRender> toRender(UUID id, LocalDate expiresOn) {
    return jdbc.sql(
            """
            SELECT n.id, n.expires_on, n.service_id, n.template_id, n.template_version, n.key_type,
                   n.status, n.page_count, n.created_at, p.personalisation, p.reply_to_text
              FROM notifications n
              JOIN notification_personal_data p
                ON p.notification_id = n.id AND p.expires_on = n.expires_on
             WHERE n.id = :id AND n.expires_on = :expiresOn AND n.notification_type = 'letter'
            """)
        .param("id", id)
        .param("expiresOn", expiresOn)
        .query(
            (rs, i) ->
                new ToRender(
                    rs.getObject("id", UUID.class),
                    rs.getObject("expires_on", LocalDate.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getObject("template_id", UUID.class),
                    rs.getInt("template_version"),
                    rs.getString("key_type"),
                    NotificationStatus.of(rs.getString("status")).orElseThrow(),
                    rs.getObject("page_count", Integer.class),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("personalisation"),
                    rs.getString("reply_to_text")))
        .optional();
  }

  /**
   * Records the pages of a letter whose PDF is stored, with its sheets, its new status and any
   * validation failure, if it is still waiting for its PDF; false if it was not.
   */
  boolean recordPdf(
      UUID id,
      LocalDate expiresOn,
      int pages,
      int sheets,
      NotificationStatus status,
      String failure,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications
                   SET page_count = :pages, billable_units = :sheets, status = :status,
                       validation_failure = :failure, updated_at = :now
                 WHERE id = :id AND expires_on = :expiresOn AND page_count IS NULL
                   AND status IN ('created', 'sending')
                """)
            .param("pages", pages)
            .param("sheets", sheets)
            .param("status", status.value())
            .param("failure", failure)
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("expiresOn", expiresOn)
            .update()
        == 1;
  }

  /** A letter whose PDF could not be made becomes a technical failure, if still waiting. */
  boolean failed(UUID id, LocalDate expiresOn, Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications SET status = 'technical-failure', updated_at = :now
                 WHERE id = :id AND expires_on = :expiresOn AND page_count IS NULL
                   AND status IN ('created', 'sending')
                """)
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("expiresOn", expiresOn)
            .update()
        == 1;
  }
}
