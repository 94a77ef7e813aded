package dev.herald.service;

import dev.herald.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Services and their permissions in the database. */
@Repository
public class ServiceRepository {

  private final JdbcClient jdbc;

  ServiceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void insert(Service s) {
    jdbc.sql(
            """
            INSERT INTO services (id, name, active, restricted, email_sender_local_part, prefix_sms,
                                  rate_limit, email_message_limit, sms_message_limit,
                                  letter_message_limit, international_sms_message_limit,
                                  contact_link, created_at)
            VALUES (:id, :name, :active, :restricted, :localPart, :prefixSms, :rateLimit,
                    :emailLimit, :smsLimit, :letterLimit, :internationalLimit, :contactLink,
                    :createdAt)
            """)
        .params(params(s))
        .param("createdAt", Sql.ts(s.createdAt()))
        .update();
    replacePermissions(s.id(), s.permissions());
  }

  @Transactional
  public void update(Service s, Instant now) {
    int updated =
        jdbc.sql(
                """
                UPDATE services
                   SET name = :name, active = :active, restricted = :restricted,
                       email_sender_local_part = :localPart, prefix_sms = :prefixSms,
                       rate_limit = :rateLimit, email_message_limit = :emailLimit,
                       sms_message_limit = :smsLimit, letter_message_limit = :letterLimit,
                       international_sms_message_limit = :internationalLimit,
                       contact_link = :contactLink, updated_at = :now
                 WHERE id = :id
                """)
            .params(params(s))
            .param("now", Sql.ts(now))
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "Expected to update service " + s.id() + ", updated " + updated);
    }
    replacePermissions(s.id(), s.permissions());
  }

  public Optional<Service> find(UUID id) {
    return jdbc.sql(
            """
            SELECT s.*,
                   coalesce(array(SELECT permission FROM service_permissions p
                                   WHERE p.service_id = s.id ORDER BY permission), '{}') AS permissions
              FROM services s
             WHERE s.id = :id
            """)
        .param("id", id)
        .query(ServiceRepository::map)
        .optional();
  }

  public boolean nameTaken(String name, UUID exceptId) {
    return jdbc.sql("SELECT count(*) FROM services WHERE lower(name) = lower(:name) AND id <> :id")
            .param("name", name)
            .param("id", exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  private void replacePermissions(UUID serviceId, Set<String> permissions) {
    jdbc.sql("DELETE FROM service_permissions WHERE service_id = :id")
        .param("id", serviceId)
        .update();
    for (String permission : permissions) {
      jdbc.sql("INSERT INTO service_permissions (service_id, permission) VALUES (:id, :permission)")
          .param("id", serviceId)
          .param("permission", permission)
          .update();
    }
  }

  private static Map<String, Object> params(Service s) {
    var map = new HashMap<String, Object>();
    map.put("id", s.id());
    map.put("name", s.name());
    map.put("active", s.active());
    map.put("restricted", s.restricted());
    map.put("localPart", s.emailSenderLocalPart());
    map.put("prefixSms", s.prefixSms());
    map.put("rateLimit", s.rateLimit());
    map.put("emailLimit", s.emailMessageLimit());
    map.put("smsLimit", s.smsMessageLimit());
    map.put("letterLimit", s.letterMessageLimit());
    map.put("internationalLimit", s.internationalSmsMessageLimit());
    map.put("contactLink", s.contactLink());
    return map;
  }

  private static Service map(ResultSet rs, int row) throws SQLException {
    String[] permissions = (String[]) rs.getArray("permissions").getArray();
    return new Service(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getBoolean("active"),
        rs.getBoolean("restricted"),
        rs.getString("email_sender_local_part"),
        rs.getBoolean("prefix_sms"),
        rs.getInt("rate_limit"),
        rs.getLong("email_message_limit"),
        rs.getLong("sms_message_limit"),
        rs.getLong("letter_message_limit"),
        rs.getLong("international_sms_message_limit"),
        rs.getString("contact_link"),
        Set.copyOf(new HashSet<>(List.of(permissions))),
        Sql.instant(rs, "created_at"));
  }
}
