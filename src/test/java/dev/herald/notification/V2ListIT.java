package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.BulkNotifications;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.URI;
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
 * {@code GET /v2/notifications} over more than a page ({@link BulkNotifications}, references in a
 * cycle of 7): each filter's pages follow one another newest first through {@code older_than}, with
 * and without a reference.
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
    var now = clock.instant();
    BulkNotifications.insert(
        jdbc,
        service,
        herald.template(service, "email", "Subject", "Hello"),
        ROWS,
        7,
        now.minusSeconds(ROWS + 60),
        Timestamps.londonDate(now).plusDays(7));
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
    assertThat(allPages("reference=order-3")).isEqualTo(expected(i -> i % 7 == 3));
    assertThat(allPages("reference=order-3&status=sending"))
        .isEqualTo(expected(i -> i % 7 == 3 && i % 10 == 1));
  }

  @Test
  void notificationsWhosePersonalDataIsGoneAreLeftOutAndPagesStayFull() {
    // As a shortened retention leaves them: re-dated to yesterday, personal data deleted.
    var yesterday = Timestamps.londonDate(clock.instant()).minusDays(1);
    List<UUID> gone = new ArrayList<>();
    for (int i = 0; i < ROWS; i += 3) {
      gone.add(BulkNotifications.id(service, i));
    }
    jdbc.sql("DELETE FROM notification_personal_data WHERE notification_id = ANY (:ids)")
        .param("ids", gone.toArray(UUID[]::new))
        .update();
    jdbc.sql("UPDATE notifications SET expires_on = :day WHERE id = ANY (:ids)")
        .param("day", yesterday)
        .param("ids", gone.toArray(UUID[]::new))
        .update();

    assertThat(allPages("")).isEqualTo(expected(i -> i % 3 != 0 && i % 50 != 49));
    assertThat(allPages("reference=order-3")).isEqualTo(expected(i -> i % 3 != 0 && i % 7 == 3));
  }

  private boolean delivered(int i) {
    return i % 10 > 1;
  }

  /** The ids of the normal key's rows that pass, newest first. */
  private List<UUID> expected(IntPredicate filter) {
    List<UUID> ids = new ArrayList<>();
    for (int i = ROWS - 1; i >= 0; i--) {
      if (i % 50 != 49 && filter.test(i)) {
        ids.add(BulkNotifications.id(service, i));
      }
    }
    return ids;
  }

  /**
   * Every page of the query, following {@code links.next} until a page is empty; every page but the
   * last holds 250.
   */
  private List<UUID> allPages(String query) {
    List<UUID> ids = new ArrayList<>();
    String path = "/v2/notifications?" + query;
    boolean shortPageSeen = false;
    for (int page = 0; page < 10; page++) {
      Http.Response r = http.send("GET", path, Tokens.bearer(key), null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode notifications = r.json().get("notifications");
      if (notifications.isEmpty()) {
        return ids;
      }
      assertThat(shortPageSeen).as("a page after a short page of " + query).isFalse();
      assertThat(notifications.size()).isLessThanOrEqualTo(250);
      shortPageSeen = notifications.size() < 250;
      notifications.forEach(n -> ids.add(UUID.fromString(n.get("id").asString())));
      URI next = URI.create(r.json().get("links").get("next").asString());
      path = next.getRawPath() + "?" + next.getRawQuery();
    }
    throw new AssertionError("more than 10 pages of " + query);
  }
}
