package dev.herald.job;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploads' rows (their files are in the object store). */
@Repository
class UploadRepository {

  private final JdbcClient jdbc;

  UploadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Upload u) {
    jdbc.sql(
            """
            INSERT INTO uploads (id, service_id, template_id, template_version,
                                 original_file_name, file_key, row_count, valid, created_at,
                                 expires_at)
            VALUES (:id, :serviceId, :templateId, :templateVersion, :name, :fileKey, :rows,
                    :valid, :createdAt, :expiresAt)
            """)
        .param("id", u.id())
        .param("serviceId", u.serviceId())
        .param("templateId", u.templateId())
        .param("templateVersion", u.templateVersion())
        .param("name", u.originalFileName())
        .param("fileKey", u.fileKey())
        .param("rows", u.rowCount())
        .param("valid", u.valid())
        .param("createdAt", Sql.ts(u.createdAt()))
        .param("expiresAt", Sql.ts(u.expiresAt()))
        .update();
  }

  /** Keeps an upload's file at least until {@code until}. */
  void keepUntil(UUID id, Instant until) {
    jdbc.sql("UPDATE uploads SET expires_at = greatest(expires_at, :until) WHERE id = :id")
        .param("until", Sql.ts(until))
        .param("id", id)
        .update();
  }

  Optional<Upload> find(UUID serviceId, UUID id) {
    return jdbc.sql("SELECT * FROM uploads WHERE id = :id AND service_id = :serviceId")
        .param("id", id)
        .param("serviceId", serviceId)
        .query(
            (rs, i) ->
                new Upload(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getObject("template_id", UUID.class),
                    rs.getInt("template_version"),
                    rs.getString("original_file_name"),
                    rs.getString("file_key"),
                    rs.getInt("row_count"),
                    rs.getBoolean("valid"),
                    Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "expires_at")))
        .optional();
  }
}
