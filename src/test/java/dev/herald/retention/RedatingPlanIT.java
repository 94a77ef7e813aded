package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.ExpiryDays;
import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Figures;
import dev.herald.testdata.PlanProbe.Param;
import dev.herald.testdata.Sent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 190 personal-data partitions, a re-dating batch plans no personal-data partition to find its
 * notifications and only those of the batch's old days to move their personal data, in a custom and
 * in a generic plan.
 */
class RedatingPlanIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  PlanProbe probe;
  UUID service;
  UUID id;
  LocalDate day;
  LocalDate today;

  @BeforeEach
  void oneNotificationAndManyPartitions() {
    probe = new PlanProbe(dataSource);
    Sent.Sms sms = Sent.deliveredSmsOfNewService(herald, jdbc);
    service = sms.service();
    id = sms.id();
    day = sms.expiresOn();
    today = Timestamps.londonDate(clock.instant());
    assertThat(probe.partitionsUpTo(today, 190)).isGreaterThanOrEqualTo(190);
  }

  @Test
  void findingTheBatchPlansNoPersonalData() {
    Param[] params = {
      new Param("serviceId", "uuid", "'" + service + "'"),
      new Param("type", "text", "'sms'"),
      new Param("today", "date", "'" + today + "'"),
      new Param("batch", "int4", "5000")
    };
    for (Figures f : probe.both("re-dating, the batch", RetentionRedating.DUE, params)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isEmpty();
    }
  }

  @Test
  void movingTheBatchPlansOnlyItsOldDays() {
    String oldDays = ExpiryDays.literal(List.of(day));
    Param[] params = {
      new Param("ids", "uuid[]", "ARRAY['" + id + "'::uuid]"),
      new Param("oldDays", "text[]", "ARRAY['" + day + "']"),
      new Param("newDays", "text[]", "ARRAY['" + day.plusDays(23) + "']"),
      new Param("today", "date", "'" + today + "'")
    };
    String statement = RetentionRedating.MOVE.formatted(oldDays, oldDays);
    for (Figures f : probe.both("re-dating, the move", statement, params)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isNotEmpty().containsOnly(PlanProbe.partition(day));
    }
  }
}
