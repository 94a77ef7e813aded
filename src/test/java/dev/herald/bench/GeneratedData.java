package dev.herald.bench;

import dev.herald.support.Sql;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generator's SQL. Ids are md5 hashes of the seed and a name, so that the same seed gives the
 * same ids; notification choices are {@code hashint8extended(row, seed + k)}.
 *
 * <p>Shares, per 1,000 notifications: 550 email, 400 SMS, 50 letters; 900 normal keys, 70 team, 30
 * test. Services by {@code s % 20}: 0–2 keep 3 days, 3–6 have no setting (Herald's and Notify's
 * default of 7 days), 7–11 keep 7, 12–15 keep 14, 16–17 keep 30, 18–19 keep 90.
 */
final class GeneratedData {

  private GeneratedData() {}

  /**
   * Services, one template of each type and one key of each type per service, retentions. The keys
   * are revoked long ago: their secrets are not encrypted with Herald's key, and Herald loads only
   * keys revoked in the last 7 days, so a key made through the admin API works beside them.
   */
  static void services(JdbcClient jdbc, long seed, int services, Instant now) {
    jdbc.sql(
            """
            INSERT INTO services (id, name, restricted, email_sender_local_part, created_at)
            SELECT CAST(md5(:seed || ':service:' || s) AS uuid), 'Generated ' || :seed || '-' || s,
                   false, 'generated' || s, :now
              FROM generate_series(0, :services - 1) AS s
            """)
        .param("seed", seed)
        .param("services", services)
        .param("now", Sql.ts(now))
        .update();
    jdbc.sql(
            """
            INSERT INTO templates_history (id, version, service_id, name, template_type, subject,
                                           content, archived, hidden, created_at)
            SELECT CAST(md5(:seed || ':template:' || s || ':' || type) AS uuid), 1,
                   CAST(md5(:seed || ':service:' || s) AS uuid), type || ' template', type,
                   CASE WHEN type <> 'sms' THEN 'About ((thing))' END,
                   'Dear ((name)), your reference is ((reference)).', false, false, :now
              FROM generate_series(0, :services - 1) AS s,
                   unnest(ARRAY['email', 'sms', 'letter']) AS type
            """)
        .param("seed", seed)
        .param("services", services)
        .param("now", Sql.ts(now))
        .update();
    jdbc.sql(
            """
            INSERT INTO templates (id, service_id, name, template_type, subject, content, version,
                                   created_at)
            SELECT id, service_id, name, template_type, subject, content, version, created_at
              FROM templates_history
             WHERE service_id IN (SELECT CAST(md5(:seed || ':service:' || s) AS uuid)
                                    FROM generate_series(0, :services - 1) AS s)
            """)
        .param("seed", seed)
        .param("services", services)
        .update();
    jdbc.sql(
            """
            INSERT INTO api_keys (id, service_id, name, secret, key_type, created_at,
                                  expiry_date)
            SELECT CAST(md5(:seed || ':key:' || s || ':' || type) AS uuid),
                   CAST(md5(:seed || ':service:' || s) AS uuid), type || ' key',
                   decode(md5(:seed || ':secret:' || s || ':' || type), 'hex'), type, :now,
                   CAST('2000-01-01 00:00:00+00' AS timestamptz)
              FROM generate_series(0, :services - 1) AS s,
                   unnest(ARRAY['normal', 'team', 'test']) AS type
            """)
        .param("seed", seed)
        .param("services", services)
        .param("now", Sql.ts(now))
        .update();
    jdbc.sql(
            """
            INSERT INTO service_data_retention (service_id, notification_type, days_of_retention,
                                                created_at)
            SELECT CAST(md5(:seed || ':service:' || s) AS uuid), type,
                   CASE WHEN s % 20 < 3 THEN 3 WHEN s % 20 < 12 THEN 7 WHEN s % 20 < 16 THEN 14
                        WHEN s % 20 < 18 THEN 30 ELSE 90 END,
                   :now
              FROM generate_series(0, :services - 1) AS s,
                   unnest(ARRAY['email', 'sms', 'letter']) AS type
             WHERE s % 20 NOT BETWEEN 3 AND 6
            """)
        .param("seed", seed)
        .param("services", services)
        .param("now", Sql.ts(now))
        .update();
  }

  /**
   * Rows {@code from} (inclusive) to {@code to} of the span, made at even steps over its days, with
   * ids that sort by creation time (UUIDv7 layout), each notification with its personal data; the
   * expiry day is the London creation day plus the service's retention for the type, as Herald's
   * insert fixes it. Services are drawn evenly, or {@code skewed}: service s with the share
   * ((s+1)/100)^⅓ − (s/100)^⅓, from 21.5 % for the first down to 0.33 % for the last.
   */
  static void notifications(
      JdbcClient jdbc, long seed, boolean skewed, DataGenerator.Span span, long from, long to) {
    int inserted =
        jdbc.sql(
                """
                WITH dice AS (
                  SELECT n,
                         CASE WHEN :skewed
                              THEN CAST(floor(:services * power(CAST(hashint8extended(n, :seed)
                                   & 2147483647 AS float8) / 2147483648, 3)) AS bigint)
                              ELSE (hashint8extended(n, :seed) & 2147483647) % :services END AS s,
                         (hashint8extended(n, :seed + 1) & 2147483647) % 1000 AS t,
                         (hashint8extended(n, :seed + 2) & 2147483647) % 1000 AS k,
                         (hashint8extended(n, :seed + 3) & 2147483647) % 1000 AS st,
                         md5(:seed || ':' || n) AS h,
                         CAST(:start AS timestamptz) + interval '1 microsecond'
                           * floor((n - :first) * CAST(:spanMicros AS float8) / :rows)
                           AS created_at
                    FROM generate_series(:from, :to - 1) AS n
                ), typed AS (
                  SELECT d.*,
                         CASE WHEN t < 550 THEN 'email' WHEN t < 950 THEN 'sms' ELSE 'letter' END
                           AS type,
                         CASE WHEN k < 900 THEN 'normal' WHEN k < 970 THEN 'team' ELSE 'test' END
                           AS key_type,
                         CAST(md5(:seed || ':service:' || s) AS uuid) AS service_id
                    FROM dice d
                ), generated AS (
                  SELECT ty.*,
                         CAST(lpad(to_hex(CAST(extract(epoch FROM ty.created_at) * 1000 AS bigint)),
                                   12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15)
                              AS uuid) AS id,
                         CASE WHEN ty.type = 'letter' THEN
                                CASE WHEN st < 900 THEN 'delivered' WHEN st < 930 THEN 'returned-letter'
                                     WHEN st < 950 THEN 'cancelled' WHEN st < 990 THEN 'sending'
                                     ELSE 'created' END
                              ELSE
                                CASE WHEN st < 880 THEN 'delivered' WHEN st < 920 THEN 'permanent-failure'
                                     WHEN st < 960 THEN 'temporary-failure'
                                     WHEN st < 970 THEN 'technical-failure'
                                     -- What the 72-hour timeout and the last delivery attempt
                                     -- leave of older email and SMS still in flight.
                                     WHEN st < 990 THEN
                                       CASE WHEN ty.created_at < CAST(:end AS timestamptz)
                                                                 - interval '72 hours'
                                            THEN 'temporary-failure' ELSE 'sending' END
                                     WHEN ty.created_at < CAST(:end AS timestamptz) - interval '1 day'
                                       THEN 'technical-failure'
                                     ELSE 'created' END
                         END AS status,
                         CAST(ty.created_at AT TIME ZONE 'Europe/London' AS date)
                           + coalesce(r.days_of_retention, 7) AS expires_on
                    FROM typed ty
                    LEFT JOIN service_data_retention r
                      ON r.service_id = ty.service_id AND r.notification_type = ty.type
                ), notification AS (
                  INSERT INTO notifications (id, service_id, template_id, template_version,
                                             api_key_id, key_type, notification_type, status,
                                             client_reference, reference, billable_units,
                                             postage, sent_by, expires_on, created_at, sent_at,
                                             updated_at)
                  SELECT id, service_id,
                         CAST(md5(:seed || ':template:' || s || ':' || type) AS uuid), 1,
                         CAST(md5(:seed || ':key:' || s || ':' || key_type) AS uuid), key_type,
                         type, status,
                         CASE WHEN n % 3 = 0 THEN 'client-ref-' || n END,
                         CASE WHEN type = 'email' AND status <> 'created'
                              THEN '0102' || substr(CAST(id AS text), 1, 8) || substr(h, 20, 12)
                              WHEN type = 'letter' THEN upper(substr(h, 16, 16)) END,
                         CASE type WHEN 'email' THEN 0 ELSE 1 + st % 2 END,
                         CASE WHEN type = 'letter' THEN 'second' END,
                         CASE WHEN status = 'created' THEN NULL WHEN type = 'email' THEN 'ses'
                              WHEN type = 'letter' THEN 'dvla' WHEN st % 2 = 0 THEN 'mmg'
                              ELSE 'firetext' END,
                         expires_on, created_at,
                         CASE WHEN status <> 'created' THEN created_at + interval '1 second' END,
                         created_at + interval '5 seconds'
                    FROM generated
                )
                INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                        recipient, normalised_recipient,
                                                        personalisation)
                SELECT id, expires_on, service_id,
                       CASE type WHEN 'email' THEN 'Person.' || n % 1000003 || '@Example.com'
                                 WHEN 'sms' THEN '07711 9' || lpad(CAST(n % 100000 AS text), 5, '0')
                                 ELSE 'A. Person' || chr(10) || n % 1000 || ' High Street'
                                      || chr(10) || 'Town' || chr(10) || 'SW1A 1AA' END,
                       CASE type WHEN 'email' THEN 'person.' || n % 1000003 || '@example.com'
                                 WHEN 'sms' THEN '4477119' || lpad(CAST(n % 100000 AS text), 5, '0')
                                 ELSE 'a.person' || n % 1000 || 'highstreettownsw1a1aa' END,
                       jsonb_build_object('name', 'Ada', 'reference', 'R' || n)
                  FROM generated
                """)
            .param("seed", seed)
            .param("services", DataGenerator.SERVICES)
            .param("skewed", skewed)
            .param("start", Sql.ts(span.start()))
            .param("end", Sql.ts(span.end()))
            .param("spanMicros", Duration.between(span.start(), span.end()).toNanos() / 1000)
            .param("first", span.first())
            .param("rows", span.rows())
            .param("from", from)
            .param("to", to)
            .update();
    if (inserted != to - from) {
      throw new IllegalStateException("expected " + (to - from) + " rows, inserted " + inserted);
    }
  }

  /** Notifications whose service, key or template version is missing: zero, or a bug. */
  static long danglingReferences(JdbcClient jdbc) {
    return jdbc.sql(
            """
            SELECT count(*) FROM notifications
             WHERE service_id NOT IN (SELECT id FROM services)
                OR api_key_id NOT IN (SELECT id FROM api_keys)
                OR (template_id, template_version) NOT IN (SELECT id, version FROM templates_history)
            """)
        .query(Long.class)
        .single();
  }
}
