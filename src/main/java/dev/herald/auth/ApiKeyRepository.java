package dev.herald.auth;

import dev.herald.support.SecretBox;
import dev.herald.support.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in the database, their secrets encrypted. */
@Repository
public class ApiKeyRepository {

  private final JdbcClient jdbc;
  private final SecretBox box;

  ApiKeyRepository(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  public void insert(NewApiKey key, Instant now) {
    jdbc.sql(
            """
            INSERT INTO api_keys (id, service_id, name, secret, key_type, created_at)
            VALUES (:id, :serviceId, :name, :secret, :keyType, :now)
            """)
        .param("id", key.id())
        .param("serviceId", key.serviceId())
        .param("name", key.name())
        .param("secret", box.sealString(key.secret()))
        .param("keyType", key.type().value())
        .param("now", Sql.ts(now))
        .update();
  }

  /** Revokes a key; false when the service has no such unrevoked key. */
  public boolean revoke(UUID serviceId, UUID keyId, Instant now) {
    return jdbc.sql(
                """
                UPDATE api_keys SET expiry_date = :now
                 WHERE id = :id AND service_id = :serviceId AND expiry_date IS NULL
                """)
            .param("now", Sql.ts(now))
            .param("id", keyId)
            .param("serviceId", serviceId)
            .update()
        == 1;
  }

  public boolean exists(UUID serviceId, UUID keyId) {
    return jdbc.sql("SELECT count(*) FROM api_keys WHERE id = :id AND service_id = :serviceId")
            .param("id", keyId)
            .param("serviceId", serviceId)
            .query(Long.class)
            .single()
        == 1;
  }

  public boolean activeNameTaken(UUID serviceId, String name) {
    return jdbc.sql(
                """
                SELECT count(*) FROM api_keys
                 WHERE service_id = :serviceId AND name = :name AND expiry_date IS NULL
                """)
            .param("serviceId", serviceId)
            .param("name", name)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The keys Notify loads for a service: active ones and those revoked in the last 7 days. */
  List<ApiKey> usableKeys(UUID serviceId, Instant revokedSince) {
    return jdbc.sql(
            """
            SELECT id, service_id, name, secret, key_type, expiry_date
              FROM api_keys
             WHERE service_id = :serviceId
               AND (expiry_date IS NULL OR expiry_date > :revokedSince)
             ORDER BY created_at
            """)
        .param("serviceId", serviceId)
        .param("revokedSince", Sql.ts(revokedSince))
        .query(
            (rs, row) ->
                new ApiKey(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getString("name"),
                    box.openString(rs.getBytes("secret")),
                    KeyType.of(rs.getString("key_type")).orElseThrow(),
                    Sql.instant(rs, "expiry_date")))
        .list();
  }
}
