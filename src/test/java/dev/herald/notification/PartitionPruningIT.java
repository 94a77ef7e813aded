package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.Sent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A read of one notification's personal data touches one partition: its expiry day's. */
class PartitionPruningIT extends ApiIT {

  @Autowired JdbcClient jdbc;

  @Test
  void readingANotificationByIdScansOnlyItsExpiryDaysPartition() {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID id = Sent.deliveredSms(herald, jdbc, key, herald.template(service, "sms", null, "Hello"));

    LocalDate day =
        jdbc.sql("SELECT expires_on FROM notifications WHERE id = :id")
            .param("id", id)
            .query(LocalDate.class)
            .single();
    List<String> plan =
        jdbc.sql(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                    + PersonalDataReader.statement(List.of(day)))
            .param("ids", Sql.array("uuid", List.of(id)))
            .query(String.class)
            .list();

    List<String> partitionScans =
        plan.stream().filter(l -> l.contains("on notification_personal_data_")).toList();
    assertThat(partitionScans)
        .as(String.join("\n", plan))
        .hasSize(1)
        // Index or sequential scan: once PlannerStatistics has analyzed a small partition (a few
        // hundred rows in the test database), reading its pages is the cheaper plan.
        .allMatch(l -> l.contains(PlanProbe.partition(day)));
  }
}
