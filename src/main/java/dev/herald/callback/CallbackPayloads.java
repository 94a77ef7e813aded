package dev.herald.callback;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  CallbackPayloads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The service a callback's subject belongs to, and the body to send (null without data). */
  record Payload(UUID serviceId, Map<String, Object> body) {}

  /** Notify's delivery status body, with the status the event was about. */
  Optional<Payload> deliveryStatus(UUID notificationId, String status) {
    return jdbc.sql(
            """
            SELECT n.id, n.service_id, n.client_reference, n.created_at, n.updated_at, n.sent_at,
                   n.notification_type, n.template_id, n.template_version, p.recipient
              FROM notifications n
              LEFT JOIN LATERAL (SELECT recipient FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p ON true
             WHERE n.id = :id
            """)
        .param("id", notificationId)
        .query((rs, row) -> deliveryStatus(rs, status))
        .optional();
  }

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
    return jdbc.sql(
            """
            SELECT k.id, k.service_id, k.notification_id, k.complaint_date, n.client_reference,
                   p.recipient
              FROM complaints k
              JOIN notifications n ON n.id = k.notification_id
              LEFT JOIN LATERAL (SELECT recipient FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p ON true
             WHERE k.id = :id
            """)
        .param("id", complaintId)
        .query(CallbackPayloads::complaint)
        .optional();
  }

  private static Payload deliveryStatus(ResultSet rs, String status) throws SQLException {
    UUID serviceId = rs.getObject("service_id", UUID.class);
    String recipient = rs.getString("recipient");
    if (recipient == null) {
      return new Payload(serviceId, null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", rs.getObject("id", UUID.class));
    body.put("reference", rs.getString("client_reference"));
    body.put("to", recipient);
    body.put("status", status);
    body.put("created_at", Timestamps.format(Sql.instant(rs, "created_at")));
    body.put("completed_at", Timestamps.format(Sql.instant(rs, "updated_at")));
    body.put("sent_at", Timestamps.format(Sql.instant(rs, "sent_at")));
    body.put("notification_type", rs.getString("notification_type"));
    body.put("template_id", rs.getObject("template_id", UUID.class));
    body.put("template_version", rs.getInt("template_version"));
    return new Payload(serviceId, body);
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

  private static Payload complaint(ResultSet rs, int row) throws SQLException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", rs.getObject("notification_id", UUID.class));
    body.put("complaint_id", rs.getObject("id", UUID.class));
    body.put("reference", rs.getString("client_reference"));
    body.put("to", rs.getString("recipient"));
    body.put("complaint_date", Timestamps.format(Sql.instant(rs, "complaint_date")));
    return new Payload(rs.getObject("service_id", UUID.class), body);
  }
}
