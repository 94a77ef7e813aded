package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v2/notifications} over more than a page: each filter's pages follow one another
 * newest first through {@code older_than}, with and without a reference.
 */
class V2ListIT extends ApiIT {

  private static final int ROWS = 600;

  @Autowired JdbcClient jdbc;

  private UUID service;
  private String key;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    insert(herald.template(service, "email", "Subject", "Hello"));
  }

  /**
   * Row i, made i seconds after the first: SMS when i % 4 == 0, else email; permanent-failure when
   * i % 10 == 0, sending when i % 10 == 1, else delivered; reference {@code ref-<i % 7>}; sent with
   * a team key when i % 50 == 49, so the normal key's list leaves it out.
   */
  private void insert(UUID template) {
    var now = clock.instant();
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
                     'ref-' || i % 7, :expiresOn, created_at
                FROM made
            )
            INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                    recipient, normalised_recipient,
                                                    personalisation)
            SELECT id, :expiresOn, :service, 'someone@example.com', 'someone@example.com',
                   CAST('{}' AS jsonb)
              FROM made
            """)
        .param("service", service)
        .param("template", template)
        .param("rows", ROWS)
        .param("first", Sql.ts(now.minusSeconds(ROWS + 60)))
        .param("expiresOn", Timestamps.londonDate(now).plusDays(7))
        .update();
  }

  @Test
  void pagesOfAFilterFollowOneAnotherNewestFirst() {
    assertThat(allPages("")).isEqualTo(expected(i -> i % 50 != 49));
    assertThat(allPages("status=delivered")).isEqualTo(expected(i -> delivered(i)));
    assertThat(allPages("status=failed&template_type=sms"))
        .isEqualTo(expected(i -> i % 10 == 0 && i % 4 == 0));
    assertThat(allPages("status=sending&status=delivered&template_type=email"))
        .isEqualTo(expected(i -> i % 10 != 0 && i % 4 != 0));
  }

  @Test
  void pagesOfAReferenceFollowOneAnotherNewestFirst() {
    assertThat(allPages("reference=ref-3")).isEqualTo(expected(i -> i % 7 == 3));
    assertThat(allPages("reference=ref-3&status=sending"))
        .isEqualTo(expected(i -> i % 7 == 3 && i % 10 == 1));
  }

  private boolean delivered(int i) {
    return i % 10 > 1;
  }

  /** The ids of the normal key's rows that pass, newest first. */
  private List<UUID> expected(IntPredicate filter) {
    List<UUID> ids = new ArrayList<>();
    for (int i = ROWS - 1; i >= 0; i--) {
      if (i % 50 != 49 && filter.test(i)) {
        ids.add(id(i));
      }
    }
    return ids;
  }

  /** Every page of the query, following {@code links.next} until a page is empty. */
  private List<UUID> allPages(String query) {
    List<UUID> ids = new ArrayList<>();
    String path = "/v2/notifications?" + query;
    for (int page = 0; page < 10; page++) {
      Http.Response r = http.send("GET", path, Tokens.bearer(key), null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode notifications = r.json().get("notifications");
      if (notifications.isEmpty()) {
        return ids;
      }
      assertThat(notifications.size()).isLessThanOrEqualTo(250);
      notifications.forEach(n -> ids.add(UUID.fromString(n.get("id").asString())));
      URI next = URI.create(r.json().get("links").get("next").asString());
      path = next.getRawPath() + "?" + next.getRawQuery();
    }
    throw new AssertionError("more than 10 pages of " + query);
  }

  /** The id the fixture gave row i: md5(service:i) as a UUID, as PostgreSQL casts it. */
  private UUID id(int i) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest((service + ":" + i).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(md5);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
