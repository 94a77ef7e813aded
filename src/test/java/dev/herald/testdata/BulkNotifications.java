package dev.herald.testdata;

import dev.herald.support.Sql;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many notifications of one service in one statement, with their personal data, for tests that need
 * more than a page or a plan the planner picks at volume. Row i is made i seconds after the first;
 * it is an SMS when i % 4 == 0, else an email; permanent-failure when i % 10 == 0, sending when i %
 * 10 == 1, else delivered; sent with a team key when i % 50 == 49, else a normal one; its reference
 * is {@code order-<i % referenceCycle>}, except row 0's, {@code Needle-0001}; its recipient {@code
 * Person<i>@Example.com}.
 */
public final class BulkNotifications {

  private BulkNotifications() {}

  public static void insert(
      JdbcClient jdbc,
      UUID service,
      UUID template,
      int rows,
      int referenceCycle,
      Instant first,
      LocalDate expiresOn) {
    jdbc.sql(
            """
            WITH made AS (
              SELECT i, CAST(md5(CAST(:service AS text) || ':' || i) AS uuid) AS id,
                     CAST(:first AS timestamptz) + i * interval '1 second' AS created_at
                FROM generate_series(0, :rows - 1) AS i
            ), notification AS (
              INSERT INTO notifications (id, service_id, template_id, template_version, key_type,
                                         notification_type, status, client_reference, expires_on,
                                         created_at)
              SELECT id, :service, :template, 1,
                     CASE WHEN i % 50 = 49 THEN 'team' ELSE 'normal' END,
                     CASE WHEN i % 4 = 0 THEN 'sms' ELSE 'email' END,
                     CASE i % 10 WHEN 0 THEN 'permanent-failure' WHEN 1 THEN 'sending'
                                 ELSE 'delivered' END,
                     CASE WHEN i = 0 THEN 'Needle-0001' ELSE 'order-' || i % :referenceCycle END,
                     :expiresOn, created_at
                FROM made
            )
            INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                    recipient, normalised_recipient,
                                                    personalisation)
            SELECT id, :expiresOn, :service, 'Person' || i || '@Example.com',
                   'person' || i || '@example.com', CAST('{}' AS jsonb)
              FROM made
            """)
        .param("service", service)
        .param("template", template)
        .param("rows", rows)
        .param("referenceCycle", referenceCycle)
        .param("first", Sql.ts(first))
        .param("expiresOn", expiresOn)
        .update();
  }

  /** The id of row i: md5(service:i) as a UUID, as PostgreSQL casts it. */
  public static UUID id(UUID service, int i) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest((service + ":" + i).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(md5);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
