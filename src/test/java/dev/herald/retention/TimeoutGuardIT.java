package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.template.TemplateType;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.EveryStatus;
import dev.herald.testdata.StoredNotifications;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The 72-hour timeout moves exactly what {@link Change#TIMEOUT} allows. */
class TimeoutGuardIT extends ApiIT {

  @Autowired NotificationRepository notifications;
  @Autowired TimeoutSendingNotifications timeouts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void theTimeoutMovesOnlyAlongTheTimeoutTransitions() {
    EveryStatus every = new EveryStatus(notifications, jdbc, tx);
    List<EveryStatus.Row> rows =
        every.store(
            new StoredNotifications(herald, notifications, jdbc, tx).owner(),
            clock.instant().minus(TimeoutSendingNotifications.TIMEOUT).minus(Duration.ofHours(1)));

    timeouts.run();

    assertThat(every.wronglyMoved(rows, Change.TIMEOUT, NotificationStatus.TEMPORARY_FAILURE))
        .isEmpty();
  }

  /** The rows due are selected by the partial index's predicate; it must be the rule's sources. */
  @Test
  void theInFlightIndexCoversExactlyWhatMayTimeOut() {
    String predicate =
        jdbc.sql(
                """
                SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i
                 WHERE i.indexrelid = 'ix_notifications_in_flight'::regclass
                """)
            .query(String.class)
            .single();
    Matcher quoted = Pattern.compile("'([a-z-]+)'").matcher(predicate);
    Set<NotificationStatus> indexed =
        quoted
            .results()
            .map(m -> NotificationStatus.of(m.group(1)).orElseThrow())
            .collect(Collectors.toSet());

    for (TemplateType type : Set.of(TemplateType.EMAIL, TemplateType.SMS)) {
      assertThat(Change.TIMEOUT.sourcesOf(NotificationStatus.TEMPORARY_FAILURE, type))
          .as(predicate)
          .isEqualTo(indexed);
    }
  }
}
