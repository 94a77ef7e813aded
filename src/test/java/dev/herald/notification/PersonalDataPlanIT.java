package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
 * With 190 personal-data partitions (a service with 90-day retention), a read of notifications by
 * id plans and locks only the partitions of the expiry days asked for, in a custom plan and in the
 * generic plan pgjdbc's server-side statements may switch to.
 */
class PersonalDataPlanIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ExpiryDays expiryDays;

  PlanProbe probe;
  UUID service;
  UUID id;
  LocalDate day;

  @BeforeEach
  void manyPartitionsAndOneNotification() {
    probe = new PlanProbe(dataSource);
    Sent.Sms sms = Sent.deliveredSmsOfNewService(herald, jdbc);
    service = sms.service();
    id = sms.id();
    day = sms.expiresOn();
  }

  @Test
  void aReadByIdLocksAndPlansNoPersonalDataPartitionInEitherPlan() {
    Param[] params = {
      new Param("id", "uuid", "'" + id + "'"), new Param("serviceId", "uuid", "'" + service + "'")
    };
    probe.both("read by id", NotificationRepository.FIND, params);
    extendTo190Partitions();
    for (Figures f : probe.both("read by id", NotificationRepository.FIND, params)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isEmpty();
    }
  }

  @Test
  void personalDataByIdReadsOnlyTheDaysAskedForInEitherPlan() {
    String statement = PersonalDataReader.statement(List.of(day, day.plusDays(1)));
    Param ids = new Param("ids", "uuid[]", "ARRAY['" + id + "'::uuid]");
    List<String> asked = List.of(PlanProbe.partition(day), PlanProbe.partition(day.plusDays(1)));
    extendTo190Partitions();
    for (Figures f : probe.both("personal data by id, 2 days", statement, ids)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isNotEmpty().isSubsetOf(asked);
    }
  }

  @Test
  void aServicesExpiryDaysAreThoseOfItsNotificationsReadWithoutPersonalData() {
    extendTo190Partitions();
    assertThat(expiryDays.ofService(service, List.of("email", "sms", "letter")))
        .containsExactly(day);
    Param[] params = {
      new Param("serviceId", "uuid", "'" + service + "'"),
      new Param("types", "text[]", "ARRAY['email', 'sms', 'letter']")
    };
    for (Figures f : probe.both("a service's expiry days", ExpiryDays.OF_SERVICE, params)) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isEmpty();
    }
  }

  private void extendTo190Partitions() {
    assertThat(probe.partitionsUpTo(Timestamps.londonDate(clock.instant()), 190))
        .isGreaterThanOrEqualTo(190);
  }
}
