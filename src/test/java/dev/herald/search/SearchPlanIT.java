package dev.herald.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.ExpiryDays;
import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.PlanProbe;
import dev.herald.testdata.PlanProbe.Figures;
import dev.herald.testdata.PlanProbe.Param;
import dev.herald.testdata.Sent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 190 personal-data partitions (a service with 90-day retention exists), a search of a service
 * whose notifications expire on one day plans and locks that day's partition only, in a custom and
 * in a generic plan: the days are the service's ({@link ExpiryDays}), written into the statement's
 * text.
 */
class SearchPlanIT extends ApiIT {

  @Autowired ExpiryDays expiryDays;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  List<LocalDate> days;
  PlanProbe probe;
  UUID service;

  @BeforeEach
  void aServiceWithOneDayAndManyPartitions() {
    probe = new PlanProbe(dataSource);
    service = Sent.deliveredSmsOfNewService(herald, jdbc).service();
    assertThat(probe.partitionsUpTo(Timestamps.londonDate(clock.instant()), 190))
        .isGreaterThanOrEqualTo(190);
    days = expiryDays.ofService(service, List.of("email", "sms", "letter"));
    assertThat(days).hasSize(1);
  }

  @Test
  void aSearchByRecipientPlansOnlyTheServicesDays() {
    Param recipient = new Param("recipient", "text", "'447700900999'");
    assertPlansOnlyTheDays(
        "search by recipient", SearchRepository.BY_RECIPIENT.formatted(literal()), recipient);
  }

  @Test
  void aProbeOfTheNewestNotificationsPersonalDataPlansOnlyTheirDay() {
    String ids = "ARRAY['" + UUID.randomUUID() + "'::uuid]";
    assertPlansOnlyTheDays(
        "personal data of the newest for a piece",
        PieceSearch.RECIPIENTS_OF_DAY.formatted(days.getFirst(), 0),
        new Param("ids0", "uuid[]", ids),
        new Param("referenceIds", "uuid[]", ids),
        new Param("recipientPattern", "text", "'%zq7x%'"));
  }

  @Test
  void aSearchThroughTheTrigramIndexesPlansOnlyTheServicesDays() {
    assertPlansOnlyTheDays(
        "search for a piece by trigrams",
        PieceSearch.BY_PIECE.formatted(literal(), literal()),
        new Param("recipientIndexPattern", "text", "'%zq7x%'"),
        new Param("recipientText", "text", "'zq7x'"),
        new Param("referenceIndexPattern", "text", "'%zq7x%'"),
        new Param("referenceText", "text", "'zq7x'"));
  }

  private String literal() {
    return ExpiryDays.literal(days);
  }

  private void assertPlansOnlyTheDays(String label, String statement, Param... term) {
    List<Param> params =
        new ArrayList<>(
            List.of(
                new Param("serviceId", "uuid", "'" + service + "'"),
                new Param("keyTypes", "text[]", "ARRAY['normal', 'team']"),
                new Param("statuses", "text[]", "ARRAY['created', 'sending', 'delivered']"),
                new Param("types", "text[]", "ARRAY['email', 'sms', 'letter']"),
                new Param("before", "timestamptz", "'9999-12-31T00:00:00Z'"),
                new Param("beforeId", "uuid", "'ffffffff-ffff-ffff-ffff-ffffffffffff'"),
                new Param("limit", "int4", "50")));
    params.addAll(List.of(term));
    List<String> asked = days.stream().map(PlanProbe::partition).toList();
    for (Figures f : probe.both(label, statement, params.toArray(Param[]::new))) {
      assertThat(f.locks()).as(f.plan()).isLessThanOrEqualTo(PlanProbe.MAX_LOCKS);
      assertThat(f.partitions()).as(f.plan()).isNotEmpty().isSubsetOf(asked);
    }
  }
}
