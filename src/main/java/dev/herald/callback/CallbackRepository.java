package dev.herald.callback;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services' callback URLs and the record of every attempt to call them. */
@Repository
class CallbackRepository {

  private final JdbcClient jdbc;

  CallbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the service's callback of this type, or replaces its URL and token; answers its id. */
  UUID save(UUID id, UUID serviceId, String type, String url, byte[] sealedToken, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO service_callback_api (id, service_id, callback_type, url, bearer_token,
                                              created_at, updated_at)
            VALUES (:id, :serviceId, :type, :url, :token, :now, :now)
            ON CONFLICT (service_id, callback_type)
            DO UPDATE SET url = excluded.url, bearer_token = excluded.bearer_token,
                          updated_at = excluded.updated_at
            RETURNING id
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("type", type)
        .param("url", url)
        .param("token", sealedToken)
        .param("now", Sql.ts(now))
        .query(UUID.class)
        .single();
  }

  List<CallbackEndpoint> list(UUID serviceId) {
    return jdbc.sql(
            "SELECT * FROM service_callback_api WHERE service_id = :serviceId ORDER BY callback_type")
        .param("serviceId", serviceId)
        .query(CallbackRepository::endpoint)
        .list();
  }

  Optional<CallbackEndpoint> find(UUID serviceId, String type) {
    return jdbc.sql(
            """
            SELECT * FROM service_callback_api
             WHERE service_id = :serviceId AND callback_type = :type
            """)
        .param("serviceId", serviceId)
        .param("type", type)
        .query(CallbackRepository::endpoint)
        .optional();
  }

  boolean delete(UUID serviceId, String type) {
    return jdbc.sql(
                "DELETE FROM service_callback_api WHERE service_id = :serviceId AND callback_type = :type")
            .param("serviceId", serviceId)
            .param("type", type)
            .update()
        == 1;
  }

  void record(CallbackAttempt a) {
    jdbc.sql(
            """
            INSERT INTO callback_attempts (id, service_id, callback_type, subject_id,
                                           notification_status, attempt, status_code, error,
                                           duration_ms, attempted_at)
            VALUES (:id, :serviceId, :type, :subjectId, :notificationStatus, :attempt, :statusCode,
                    :error, :durationMs, :attemptedAt)
            """)
        .param("id", a.id())
        .param("serviceId", a.serviceId())
        .param("type", a.callbackType())
        .param("subjectId", a.subjectId())
        .param("notificationStatus", a.notificationStatus())
        .param("attempt", a.attempt())
        .param("statusCode", a.statusCode())
        .param("error", a.error())
        .param("durationMs", a.durationMs())
        .param("attemptedAt", Sql.ts(a.attemptedAt()))
        .update();
  }

  /** A service's latest attempts, newest first. */
  List<CallbackAttempt> attempts(UUID serviceId, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM callback_attempts
             WHERE service_id = :serviceId
             ORDER BY attempted_at DESC, id DESC
             LIMIT :limit
            """)
        .param("serviceId", serviceId)
        .param("limit", limit)
        .query(CallbackRepository::attempt)
        .list();
  }

  private static CallbackEndpoint endpoint(ResultSet rs, int row) throws SQLException {
    return new CallbackEndpoint(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("callback_type"),
        rs.getString("url"),
        rs.getBytes("bearer_token"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }

  private static CallbackAttempt attempt(ResultSet rs, int row) throws SQLException {
    return new CallbackAttempt(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("callback_type"),
        rs.getObject("subject_id", UUID.class),
        rs.getString("notification_status"),
        rs.getInt("attempt"),
        rs.getObject("status_code", Integer.class),
        rs.getString("error"),
        rs.getLong("duration_ms"),
        Sql.instant(rs, "attempted_at"));
  }
}
