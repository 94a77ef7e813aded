package dev.herald.job;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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
                                 original_file_name, file_key, row_count,
                                 international_sms_count, valid, created_at, expires_at)
            VALUES (:id, :serviceId, :templateId, :templateVersion, :name, :fileKey, :rows,
                    :international, :valid, :createdAt, :expiresAt)
            """)
        .param("id", u.id())
        .param("serviceId", u.serviceId())
        .param("templateId", u.templateId())
        .param("templateVersion", u.templateVersion())
        .param("name", u.originalFileName())
        .param("fileKey", u.fileKey())
        .param("rows", u.rowCount())
        .param("international", u.internationalSmsCount())
        .param("valid", u.valid())
        .param("createdAt", Sql.ts(u.createdAt()))
        .param("expiresAt", Sql.ts(u.expiresAt()))
        .update();
  }

  /** The upload's rows with a phone number that is not a UK one (0 if there is no such upload). */
  int internationalSmsCount(UUID id) {
    return jdbc.sql("SELECT international_sms_count FROM uploads WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** Keeps an upload's file at least until {@code until}. */
  void keepUntil(UUID id, Instant until) {
    jdbc.sql("UPDATE uploads SET expires_at = greatest(expires_at, :until) WHERE id = :id")
        .param("until", Sql.ts(until))
        .param("id", id)
        .update();
  }

  /**
   * The upload, locked until the transaction ends: a job is made of it and its file is removed in
   * turns.
   */
  Optional<Upload> lock(UUID serviceId, UUID id) {
    return jdbc.sql("SELECT * FROM uploads WHERE id = :id AND service_id = :serviceId FOR UPDATE")
        .param("id", id)
        .param("serviceId", serviceId)
        .query(UploadRepository::upload)
        .optional();
  }

  /**
   * Locks up to {@code batch} uploads past their expiry at {@code now} whose file no job still
   * reads, skipping any another transaction holds (a job being made of it, or another removal).
   */
  List<UUID> lockExpired(Instant now, int batch) {
    return jdbc.sql(
            """
            SELECT u.id FROM uploads u
             WHERE NOT u.archived AND u.expires_at < :now
               AND NOT EXISTS (SELECT 1 FROM jobs j
                                WHERE j.id = u.id AND j.job_status = ANY (:reading))
             ORDER BY u.expires_at
             LIMIT :batch
               FOR UPDATE OF u SKIP LOCKED
            """)
        .param("now", Sql.ts(now))
        .param("reading", JobStatus.readingFileSql())
        .param("batch", batch)
        .query(UUID.class)
        .list();
  }

  /**
   * Archives the locked uploads whose file no job reads, looked at again now that they are locked
   * (a job made of one just before is seen by this statement); answers their files' keys.
   */
  Map<UUID, String> archive(List<UUID> locked) {
    return jdbc
        .sql(
            """
            UPDATE uploads u SET archived = true
             WHERE u.id = ANY (:ids) AND NOT u.archived
               AND NOT EXISTS (SELECT 1 FROM jobs j
                                WHERE j.id = u.id AND j.job_status = ANY (:reading))
            RETURNING u.id, u.file_key
            """)
        .param("ids", Sql.array("uuid", locked))
        .param("reading", JobStatus.readingFileSql())
        .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("file_key")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Upload upload(ResultSet rs, int row) throws SQLException {
    return new Upload(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("template_id", UUID.class),
        rs.getInt("template_version"),
        rs.getString("original_file_name"),
        rs.getString("file_key"),
        rs.getInt("row_count"),
        rs.getInt("international_sms_count"),
        rs.getBoolean("valid"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "expires_at"),
        rs.getBoolean("archived"));
  }
}
