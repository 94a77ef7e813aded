package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Sent;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal data read by id and expiry day: on the day given, or the day it was re-dated to. */
class PersonalDataReaderIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataReader reader;

  @Test
  void findsPersonalDataReDatedAfterItsDayWasRead() {
    UUID id = sent();
    LocalDate day = day(id);
    jdbc.sql(
            """
            WITH p AS (UPDATE notification_personal_data SET expires_on = expires_on + 1
                        WHERE notification_id = :id)
            UPDATE notifications SET expires_on = expires_on + 1 WHERE id = :id
            """)
        .param("id", id)
        .update();

    assertThat(reader.find(Map.of(id, day))).containsOnlyKeys(id);
    assertThat(reader.find(Map.of(id, day)).get(id).recipient()).isEqualTo("07700900123");
  }

  @Test
  void answersNothingForANotificationWhosePersonalDataIsGone() {
    UUID id = sent();
    LocalDate day = day(id);
    jdbc.sql("DELETE FROM notification_personal_data WHERE notification_id = :id")
        .param("id", id)
        .update();

    assertThat(reader.find(Map.of(id, day, UUID.randomUUID(), day))).isEmpty();
  }

  private UUID sent() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    return Sent.deliveredSms(herald, jdbc, key, herald.template(service, "sms", null, "Hello"));
  }

  private LocalDate day(UUID id) {
    return jdbc.sql("SELECT expires_on FROM notifications WHERE id = :id")
        .param("id", id)
        .query(LocalDate.class)
        .single();
  }
}
