package dev.herald.letter;

import dev.herald.notification.NotificationStatus;
import dev.herald.recipient.PostalAddress;
import dev.herald.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

  /** A precompiled letter whose scan found a virus (or active content) is never printed. */
  boolean virusScanFailed(UUID id, LocalDate expiresOn, Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications
                   SET status = 'virus-scan-failed', billable_units = 0, updated_at = :now
                 WHERE id = :id AND expires_on = :expiresOn AND status = 'pending-virus-check'
                """)
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("expiresOn", expiresOn)
            .update()
        == 1;
  }

  /** A precompiled letter that failed a check, with Notify's reason and the pages at fault. */
  boolean validationFailed(
      UUID id,
      LocalDate expiresOn,
      String reason,
      List<Integer> invalidPages,
      int pages,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE notifications
                   SET status = 'validation-failed', billable_units = 0, page_count = :pages,
                       validation_failure = :reason,
                       invalid_pages = :invalidPages, updated_at = :now
                 WHERE id = :id AND expires_on = :expiresOn AND status = 'pending-virus-check'
                """)
            .param("pages", pages)
            .param("reason", reason)
            .param("invalidPages", invalidPages == null ? null : Sql.array("int4", invalidPages))
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("expiresOn", expiresOn)
            .update()
        == 1;
  }

  /**
   * A precompiled letter that passed: its pages and sheets, its status, the address read from it as
   * its recipient, and the postage of that address when it is abroad.
   */
  boolean passed(
      UUID id,
      LocalDate expiresOn,
      int pages,
      int sheets,
      NotificationStatus status,
      PostalAddress address,
      Instant now) {
    return jdbc.sql(
                """
                WITH letter AS (
                  UPDATE notifications
                     SET status = :status, page_count = :pages, billable_units = :sheets,
                         international = :international,
                         postage = CASE WHEN :international THEN :zone ELSE postage END,
                         updated_at = :now
                   WHERE id = :id AND expires_on = :expiresOn AND status = 'pending-virus-check'
                  RETURNING id, expires_on
                )
                UPDATE notification_personal_data p
                   SET recipient = :recipient, normalised_recipient = :normalised
                  FROM letter
                 WHERE p.notification_id = letter.id AND p.expires_on = letter.expires_on
                """)
            .param("status", status.value())
            .param("pages", pages)
            .param("sheets", sheets)
            .param("international", address.international())
            .param("zone", address.international() ? address.postage() : null)
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("expiresOn", expiresOn)
            .param("recipient", address.normalised())
            .param("normalised", address.searchable())
            .update()
        == 1;
  }
}
