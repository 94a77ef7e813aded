package dev.herald.template;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Templates and every one of their versions. */
@Repository
public class TemplateRepository {

  private final JdbcClient jdbc;

  TemplateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void insert(Template t) {
    jdbc.sql(
            """
            INSERT INTO templates (id, service_id, name, template_type, subject, content,
                                   letter_contact_block, postage, archived, hidden, version,
                                   created_by, created_at, updated_at, letter_languages,
                                   letter_welsh_subject, letter_welsh_content)
            VALUES (:id, :serviceId, :name, :type, :subject, :content, :letterContactBlock,
                    :postage, :archived, :hidden, :version, :createdBy, :createdAt, :updatedAt,
                    :letterLanguages, :welshSubject, :welshContent)
            """)
        .params(params(t))
        .update();
    insertHistory(t);
  }

  /** Stores a new version; the previous one stays in the history. */
  @Transactional
  public void update(Template t) {
    int updated =
        jdbc.sql(
                """
                UPDATE templates
                   SET name = :name, subject = :subject, content = :content,
                       letter_contact_block = :letterContactBlock, postage = :postage,
                       archived = :archived, version = :version, updated_at = :updatedAt,
                       letter_languages = :letterLanguages, letter_welsh_subject = :welshSubject,
                       letter_welsh_content = :welshContent
                 WHERE id = :id AND version = :version - 1
                """)
            .params(params(t))
            .update();
    if (updated != 1) {
      throw new ConcurrentTemplateEditException(t.id());
    }
    insertHistory(t);
  }

  public Optional<Template> findLatest(UUID serviceId, UUID id) {
    return jdbc.sql(
            "SELECT * FROM templates WHERE id = :id AND service_id = :serviceId AND NOT hidden")
        .param("id", id)
        .param("serviceId", serviceId)
        .query(TemplateRepository::map)
        .optional();
  }

  public Optional<Template> findVersion(UUID serviceId, UUID id, int version) {
    return jdbc.sql(
            """
            SELECT * FROM templates_history
             WHERE id = :id AND version = :version AND service_id = :serviceId AND NOT hidden
            """)
        .param("id", id)
        .param("version", version)
        .param("serviceId", serviceId)
        .query(TemplateRepository::map)
        .optional();
  }

  /** A version as a notification made from it knows it: hidden templates included. */
  public Optional<Template> findVersionOfNotification(UUID serviceId, UUID id, int version) {
    return jdbc.sql(
            """
            SELECT * FROM templates_history
             WHERE id = :id AND version = :version AND service_id = :serviceId
            """)
        .param("id", id)
        .param("version", version)
        .param("serviceId", serviceId)
        .query(TemplateRepository::map)
        .optional();
  }

  /**
   * The service's hidden "Pre-compiled PDF" letter template that precompiled letters are made from
   * (Notify's, with postage second), made the first time it is needed: its id is the service's, so
   * two sends at once make one.
   */
  @Transactional
  public Template precompiled(UUID serviceId, Instant now) {
    UUID id = UUID.nameUUIDFromBytes(("precompiled-pdf:" + serviceId).getBytes(UTF_8));
    Template t =
        new Template(
            id,
            serviceId,
            "Pre-compiled PDF",
            "letter",
            "Pre-compiled PDF",
            "",
            null,
            "second",
            false,
            true,
            1,
            null,
            now,
            null);
    jdbc.sql(
            """
            INSERT INTO templates (id, service_id, name, template_type, subject, content,
                                   letter_contact_block, postage, archived, hidden, version,
                                   created_by, created_at, updated_at)
            VALUES (:id, :serviceId, :name, :type, :subject, :content, :letterContactBlock,
                    :postage, :archived, :hidden, :version, :createdBy, :createdAt, :updatedAt)
            ON CONFLICT (id) DO NOTHING
            """)
        .params(params(t))
        .update();
    jdbc.sql(
            """
            INSERT INTO templates_history (id, version, service_id, name, template_type, subject,
                                           content, letter_contact_block, postage, archived,
                                           hidden, created_by, created_at, updated_at)
            VALUES (:id, :version, :serviceId, :name, :type, :subject, :content,
                    :letterContactBlock, :postage, :archived, :hidden, :createdBy, :createdAt,
                    :updatedAt)
            ON CONFLICT DO NOTHING
            """)
        .params(params(t))
        .update();
    return findVersionOfNotification(serviceId, id, 1).orElseThrow();
  }

  /** A service's templates that are neither hidden nor archived, by name then type. */
  public List<Template> list(UUID serviceId, String type) {
    return jdbc.sql(
            """
            SELECT * FROM templates
             WHERE service_id = :serviceId AND NOT hidden AND NOT archived
               AND (CAST(:type AS text) IS NULL OR template_type = :type)
             ORDER BY name, template_type
            """)
        .param("serviceId", serviceId)
        .param("type", type)
        .query(TemplateRepository::map)
        .list();
  }

  private void insertHistory(Template t) {
    jdbc.sql(
            """
            INSERT INTO templates_history (id, version, service_id, name, template_type, subject,
                                           content, letter_contact_block, postage, archived,
                                           hidden, created_by, created_at, updated_at,
                                           letter_languages, letter_welsh_subject,
                                           letter_welsh_content)
            VALUES (:id, :version, :serviceId, :name, :type, :subject, :content,
                    :letterContactBlock, :postage, :archived, :hidden, :createdBy, :createdAt,
                    :updatedAt, :letterLanguages, :welshSubject, :welshContent)
            """)
        .params(params(t))
        .update();
  }

  private static Map<String, Object> params(Template t) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", t.id());
    p.put("serviceId", t.serviceId());
    p.put("name", t.name());
    p.put("type", t.type());
    p.put("subject", t.subject());
    p.put("content", t.content());
    p.put("letterContactBlock", t.letterContactBlock());
    p.put("postage", t.postage());
    p.put("archived", t.archived());
    p.put("hidden", t.hidden());
    p.put("version", t.version());
    p.put("createdBy", t.createdBy());
    p.put("createdAt", Sql.ts(t.createdAt()));
    p.put("updatedAt", Sql.ts(t.updatedAt()));
    p.put("letterLanguages", t.letterLanguages());
    p.put("welshSubject", t.welsh() == null ? null : t.welsh().subject());
    p.put("welshContent", t.welsh() == null ? null : t.welsh().content());
    return p;
  }

  private static Template map(ResultSet rs, int row) throws SQLException {
    return new Template(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("name"),
        rs.getString("template_type"),
        rs.getString("subject"),
        rs.getString("content"),
        rs.getString("letter_contact_block"),
        rs.getString("postage"),
        rs.getBoolean("archived"),
        rs.getBoolean("hidden"),
        rs.getInt("version"),
        rs.getString("created_by"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getString("letter_languages") == null
            ? null
            : new Template.Welsh(
                rs.getString("letter_welsh_subject"), rs.getString("letter_welsh_content")));
  }
}
