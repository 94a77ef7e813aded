package dev.herald.service;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Email reply-to addresses and SMS senders of services. */
@Repository
public class SenderRepository {

  private final JdbcClient jdbc;

  SenderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a reply-to address; the first one, or one marked default, becomes the default. */
  @Transactional
  public void addEmailReplyTo(
      UUID id, UUID serviceId, String address, boolean isDefault, Instant now) {
    boolean makeDefault = isDefault || countReplyTo(serviceId) == 0;
    if (makeDefault) {
      jdbc.sql("UPDATE service_email_reply_to SET is_default = false WHERE service_id = :serviceId")
          .param("serviceId", serviceId)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO service_email_reply_to (id, service_id, email_address, is_default, created_at)
            VALUES (:id, :serviceId, :address, :isDefault, :now)
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("address", address)
        .param("isDefault", makeDefault)
        .param("now", Sql.ts(now))
        .update();
  }

  /** Adds an SMS sender; the first one, or one marked default, becomes the default. */
  @Transactional
  public void addSmsSender(
      UUID id,
      UUID serviceId,
      String sender,
      boolean isDefault,
      UUID inboundNumberId,
      Instant now) {
    boolean makeDefault = isDefault || countSmsSenders(serviceId) == 0;
    if (makeDefault) {
      jdbc.sql("UPDATE service_sms_senders SET is_default = false WHERE service_id = :serviceId")
          .param("serviceId", serviceId)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO service_sms_senders (id, service_id, sms_sender, is_default,
                                             inbound_number_id, created_at)
            VALUES (:id, :serviceId, :sender, :isDefault, :inboundNumberId, :now)
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("sender", sender)
        .param("isDefault", makeDefault)
        .param("inboundNumberId", inboundNumberId)
        .param("now", Sql.ts(now))
        .update();
  }

  public Optional<String> emailReplyTo(UUID serviceId, UUID id) {
    return jdbc.sql(
            """
            SELECT email_address FROM service_email_reply_to
             WHERE id = :id AND service_id = :serviceId AND NOT archived
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(String.class)
        .optional();
  }

  public Optional<String> defaultEmailReplyTo(UUID serviceId) {
    return jdbc.sql(
            """
            SELECT email_address FROM service_email_reply_to
             WHERE service_id = :serviceId AND is_default AND NOT archived
            """)
        .param("serviceId", serviceId)
        .query(String.class)
        .optional();
  }

  public Optional<String> smsSender(UUID serviceId, UUID id) {
    return jdbc.sql(
            """
            SELECT sms_sender FROM service_sms_senders
             WHERE id = :id AND service_id = :serviceId AND NOT archived
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .query(String.class)
        .optional();
  }

  public Optional<String> defaultSmsSender(UUID serviceId) {
    return jdbc.sql(
            """
            SELECT sms_sender FROM service_sms_senders
             WHERE service_id = :serviceId AND is_default AND NOT archived
            """)
        .param("serviceId", serviceId)
        .query(String.class)
        .optional();
  }

  private long countReplyTo(UUID serviceId) {
    return jdbc.sql(
            "SELECT count(*) FROM service_email_reply_to WHERE service_id = :serviceId AND NOT archived")
        .param("serviceId", serviceId)
        .query(Long.class)
        .single();
  }

  private long countSmsSenders(UUID serviceId) {
    return jdbc.sql(
            "SELECT count(*) FROM service_sms_senders WHERE service_id = :serviceId AND NOT archived")
        .param("serviceId", serviceId)
        .query(Long.class)
        .single();
  }
}
