package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.delivery.DeliveryRepository.HandedOver;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.EveryStatus;
import dev.herald.testdata.StoredNotifications;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker's guarded updates move exactly what {@link NotificationStatus} allows. */
class DeliveryGuardIT extends ApiIT {

  @Autowired NotificationRepository notifications;
  @Autowired DeliveryRepository deliveries;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aHandOverIsRecordedOnlyAlongTheHandOverTransitions() {
    EveryStatus every = new EveryStatus(notifications, jdbc, tx);
    StoredNotifications.Owner owner =
        new StoredNotifications(herald, notifications, jdbc, tx).owner();
    for (NotificationStatus to : NotificationStatus.values()) {
      List<EveryStatus.Row> rows = every.store(owner, clock.instant());

      Set<UUID> recorded =
          deliveries
              .markHandedOver(
                  rows.stream()
                      .map(r -> new HandedOver(r.id(), to, "guard-provider", "ref-" + r.id(), 1, 0))
                      .toList(),
                  clock.instant())
              .keySet();

      assertThat(recorded)
          .as("to %s", to)
          .isEqualTo(
              rows.stream()
                  .filter(r -> Change.HAND_OVER.allows(r.status(), to, r.type()))
                  .map(EveryStatus.Row::id)
                  .collect(Collectors.toSet()));
      assertThat(every.wronglyMoved(rows, Change.HAND_OVER, to)).as("to %s", to).isEmpty();
    }
  }

  @Test
  void aHandOverTakesItsSimulatedOutcomeOnlyWhereAReceiptCouldMoveIt() {
    EveryStatus every = new EveryStatus(notifications, jdbc, tx);
    StoredNotifications.Owner owner =
        new StoredNotifications(herald, notifications, jdbc, tx).owner();
    for (NotificationStatus handedOverAs :
        List.of(NotificationStatus.SENDING, NotificationStatus.SENT)) {
      for (NotificationStatus outcome : NotificationStatus.values()) {
        List<EveryStatus.Row> rows = every.store(owner, clock.instant());

        Map<UUID, NotificationStatus> recorded =
            deliveries.markHandedOver(
                rows.stream()
                    .map(
                        r ->
                            new HandedOver(
                                r.id(),
                                handedOverAs,
                                "guard-provider",
                                "ref-" + r.id(),
                                1,
                                0,
                                outcome))
                    .toList(),
                clock.instant());

        for (EveryStatus.Row r : rows) {
          NotificationStatus expected =
              !Change.HAND_OVER.allows(r.status(), handedOverAs, r.type())
                  ? null
                  : Change.RECEIPT.allows(handedOverAs, outcome, r.type()) ? outcome : handedOverAs;
          assertThat(recorded.get(r.id()))
              .as(
                  "%s %s handed over as %s with outcome %s",
                  r.type(), r.status(), handedOverAs, outcome)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void givingUpMovesOnlyWhatTheGiveUpTransitionAllows() {
    EveryStatus every = new EveryStatus(notifications, jdbc, tx);
    List<EveryStatus.Row> rows =
        every.store(
            new StoredNotifications(herald, notifications, jdbc, tx).owner(), clock.instant());

    for (EveryStatus.Row row : rows) {
      assertThat(deliveries.markTechnicalFailure(row.id(), clock.instant()))
          .as("%s %s", row.type(), row.status())
          .isEqualTo(
              Change.GIVE_UP.allows(
                  row.status(), NotificationStatus.TECHNICAL_FAILURE, row.type()));
    }
    assertThat(every.wronglyMoved(rows, Change.GIVE_UP, NotificationStatus.TECHNICAL_FAILURE))
        .isEmpty();
  }
}
