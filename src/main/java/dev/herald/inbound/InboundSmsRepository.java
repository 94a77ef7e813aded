package dev.herald.inbound;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Received text messages in the database. */
@Repository
public class InboundSmsRepository {

  private final JdbcClient jdbc;

  InboundSmsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(InboundSms sms) {
    jdbc.sql(
            """
            INSERT INTO inbound_sms (id, service_id, notify_number, user_number, content, provider,
                                     provider_reference, provider_date, created_at)
            VALUES (:id, :serviceId, :notifyNumber, :userNumber, :content, :provider,
                    :providerReference, :providerDate, :createdAt)
            """)
        .param("id", sms.id())
        .param("serviceId", sms.serviceId())
        .param("notifyNumber", sms.notifyNumber())
        .param("userNumber", sms.userNumber())
        .param("content", sms.content())
        .param("provider", sms.provider())
        .param("providerReference", sms.providerReference())
        .param("providerDate", Sql.ts(sms.providerDate()))
        .param("createdAt", Sql.ts(sms.createdAt()))
        .update();
  }

  /**
   * A page of a service's messages, newest first; with {@code olderThan}, those created before that
   * message (none if it is not the service's).
   */
  List<InboundSms> page(UUID serviceId, UUID olderThan, int size) {
    return jdbc.sql(
            """
            SELECT * FROM inbound_sms
             WHERE service_id = :serviceId
               AND (CAST(:olderThan AS uuid) IS NULL
                    OR created_at < (SELECT created_at FROM inbound_sms
                                      WHERE id = :olderThan AND service_id = :serviceId))
             ORDER BY created_at DESC, id DESC
             LIMIT :size
            """)
        .param("serviceId", serviceId)
        .param("olderThan", olderThan)
        .param("size", size)
        .query(InboundSmsRepository::map)
        .list();
  }

  private static InboundSms map(ResultSet rs, int row) throws SQLException {
    return new InboundSms(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("notify_number"),
        rs.getString("user_number"),
        rs.getString("content"),
        rs.getString("provider"),
        rs.getString("provider_reference"),
        Sql.instant(rs, "provider_date"),
        Sql.instant(rs, "created_at"));
  }
}
