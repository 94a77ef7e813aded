package dev.herald.callback;

import dev.herald.notification.PersonalData;
import dev.herald.notification.PersonalDataReader;
import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the bodies of callbacks from the current rows when they are sent, so that no personal data
 * waits in the task table. A body is absent once its row is gone; a delivery status body also once
 * the notification's personal data is gone, while a complaint's is sent with a null {@code to}.
 */
@Repository
class CallbackPayloads {

  private final JdbcClient jdbc;
  private final PersonalDataReader personalData;

  CallbackPayloads(JdbcClient jdbc, PersonalDataReader personalData) {
    this.jdbc = jdbc;
    this.personalData = personalData;
  }

  /** The service a callback's subject belongs to, and the body to send (null without data). */
  record Payload(UUID serviceId, Map<String, Object> body) {}

  /** Notify's delivery status body, with the status the event was about. */
  Optional<Payload> deliveryStatus(UUID notificationId, String status) {
    return jdbc.sql(DELIVERY_STATUS)
        .param("id", notificationId)
        .query((rs, row) -> deliveryStatus(rs, status))
        .optional()
        .map(
            read -> {
              PersonalData p = read.recipient(personalData);
              if (p == null) {
                return new Payload(read.payload().serviceId(), null);
              }
              read.payload().body().put("to", p.recipient());
              return read.payload();
            });
  }

  /**
   * A notification's fields of the delivery status body; the recipient is read next from its expiry
   * day's partition only ({@link PersonalDataReader}; CallbackPlanIT).
   */
  static final String DELIVERY_STATUS =
      """
      SELECT id, service_id, client_reference, created_at, updated_at, sent_at, notification_type,
             template_id, template_version, expires_on
        FROM notifications
       WHERE id = :id
      """;

  /** Notify's received text message body. */
  Optional<Payload> inboundSms(UUID inboundSmsId) {
    return jdbc.sql("SELECT * FROM inbound_sms WHERE id = :id")
        .param("id", inboundSmsId)
        .query(CallbackPayloads::inboundSms)
        .optional();
  }

  /**
   * Notify's complaint body. Past retention the recipient is gone, and {@code to} is null: the
   * service must still hear of the complaint, and knows the notification by its id and reference.
   */
  Optional<Payload> complaint(UUID complaintId) {
    return jdbc.sql(COMPLAINT)
        .param("id", complaintId)
        .query(CallbackPayloads::complaint)
        .optional()
        .map(
            read -> {
              PersonalData p = read.recipient(personalData);
              read.payload().body().put("to", p == null ? null : p.recipient());
              return read.payload();
            });
  }

  /** A complaint's fields of its body; the recipient is read next, as for a delivery status. */
  static final String COMPLAINT =
      """
      SELECT k.id, k.service_id, k.notification_id, k.complaint_date, n.client_reference,
             n.expires_on
        FROM complaints k
        JOIN notifications n ON n.id = k.notification_id
       WHERE k.id = :id
      """;

  /**
   * Notify's returned letter body (notify-letters.md §5), which holds no personal data: the
   * caller's reference only for a letter sent with an API key, and, unlike Notify (which sends the
   * string {@code "None"}), a null template for a precompiled letter's hidden template.
   */
  Optional<Payload> returnedLetter(UUID returnedLetterId) {
    return jdbc.sql(
            """
            SELECT r.service_id, r.notification_id, n.client_reference, n.api_key_id, n.created_at,
                   n.job_row_number, n.template_id, n.template_version, t.name, t.hidden
              FROM returned_letters r
              JOIN notifications n ON n.id = r.notification_id
              JOIN templates_history t ON t.id = n.template_id AND t.version = n.template_version
             WHERE r.id = :id
            """)
        .param("id", returnedLetterId)
        .query(CallbackPayloads::returnedLetter)
        .optional();
  }

  private static Payload returnedLetter(ResultSet rs, int row) throws SQLException {
    boolean api = rs.getObject("api_key_id") != null;
    boolean hidden = rs.getBoolean("hidden");
    Integer jobRow = rs.getObject("job_row_number", Integer.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", rs.getObject("notification_id", UUID.class));
    body.put("reference", api ? rs.getString("client_reference") : null);
    body.put("date_sent", Timestamps.format(Sql.instant(rs, "created_at")));
    body.put("sent_by", api ? "API" : null);
    body.put("template_name", hidden ? null : rs.getString("name"));
    body.put("template_id", hidden ? null : rs.getObject("template_id", UUID.class));
    body.put("template_version", hidden ? null : rs.getInt("template_version"));
    body.put("spreadsheet_file_name", null);
    body.put("spreadsheet_row_number", jobRow == null ? null : jobRow + 2);
    body.put("upload_letter_file_name", null);
    return new Payload(rs.getObject("service_id", UUID.class), body);
  }

  /** A body read without its recipient, and where the recipient is kept. */
  private record Read(Payload payload, UUID notificationId, LocalDate expiresOn) {

    PersonalData recipient(PersonalDataReader reader) {
      return reader.find(Map.of(notificationId, expiresOn)).get(notificationId);
    }
  }

  private static Read deliveryStatus(ResultSet rs, String status) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("reference", rs.getString("client_reference"));
    body.put("to", null);
    body.put("status", status);
    body.put("created_at", Timestamps.format(Sql.instant(rs, "created_at")));
    body.put("completed_at", Timestamps.format(Sql.instant(rs, "updated_at")));
    body.put("sent_at", Timestamps.format(Sql.instant(rs, "sent_at")));
    body.put("notification_type", rs.getString("notification_type"));
    body.put("template_id", rs.getObject("template_id", UUID.class));
    body.put("template_version", rs.getInt("template_version"));
    return new Read(
        new Payload(rs.getObject("service_id", UUID.class), body),
        id,
        rs.getObject("expires_on", LocalDate.class));
  }

  private static Payload inboundSms(ResultSet rs, int row) throws SQLException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", rs.getObject("id", UUID.class));
    body.put("source_number", rs.getString("user_number"));
    body.put("destination_number", rs.getString("notify_number"));
    body.put("message", rs.getString("content"));
    body.put(
        "date_received",
        Timestamps.format(
            rs.getObject("provider_date") == null
                ? Sql.instant(rs, "created_at")
                : Sql.instant(rs, "provider_date")));
    return new Payload(rs.getObject("service_id", UUID.class), body);
  }

  private static Read complaint(ResultSet rs, int row) throws SQLException {
    UUID notificationId = rs.getObject("notification_id", UUID.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", notificationId);
    body.put("complaint_id", rs.getObject("id", UUID.class));
    body.put("reference", rs.getString("client_reference"));
    body.put("to", null);
    body.put("complaint_date", Timestamps.format(Sql.instant(rs, "complaint_date")));
    return new Read(
        new Payload(rs.getObject("service_id", UUID.class), body),
        notificationId,
        rs.getObject("expires_on", LocalDate.class));
  }
}
