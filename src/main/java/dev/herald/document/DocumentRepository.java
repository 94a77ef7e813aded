package dev.herald.document;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encrypted files in the database. */
@Repository
class DocumentRepository {

  private final JdbcClient jdbc;

  DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredDocument d, Instant now) {
    jdbc.sql(
            """
            INSERT INTO documents (id, service_id, content, filename, mimetype, confirm_email_hash,
                                   expires_at, created_at)
            VALUES (:id, :serviceId, :content, :filename, :mimetype, :confirmEmailHash, :expiresAt, :now)
            """)
        .param("id", d.id())
        .param("serviceId", d.serviceId())
        .param("content", d.content())
        .param("filename", d.filename())
        .param("mimetype", d.mimetype())
        .param("confirmEmailHash", d.confirmEmailHash())
        .param("expiresAt", Sql.ts(d.expiresAt()))
        .param("now", Sql.ts(now))
        .update();
  }

  /** The document, unless it has expired. */
  Optional<StoredDocument> find(UUID serviceId, UUID id, Instant now) {
    return jdbc.sql(
            """
            SELECT * FROM documents
             WHERE id = :id AND service_id = :serviceId AND expires_at > :now
            """)
        .param("id", id)
        .param("serviceId", serviceId)
        .param("now", Sql.ts(now))
        .query(
            (rs, row) ->
                new StoredDocument(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getBytes("content"),
                    rs.getString("filename"),
                    rs.getString("mimetype"),
                    rs.getBytes("confirm_email_hash"),
                    Sql.instant(rs, "expires_at")))
        .optional();
  }
}
