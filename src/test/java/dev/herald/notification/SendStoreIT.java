package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.NotificationRepository.Queued;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.StoredNotifications;
import dev.herald.testdata.StoredNotifications.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends stored in batches: a row that cannot be stored fails only its own send. */
class SendStoreIT extends ApiIT {

  private static final PersonalData PERSONAL =
      new PersonalData("07700900123", "447700900123", "{}", null, null);

  @Autowired SendStore store;
  @Autowired NotificationRepository notifications;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aBatchWithARowThatCannotBeStoredStoresTheOthersAndFailsOnlyThatOne() {
    Owner owner = new StoredNotifications(herald, notifications, jdbc, tx).owner();
    Notification first = StoredNotifications.aCreatedSms(owner, Instant.now());
    // A type the table's CHECK refuses (notifications have no foreign keys to fail on: V0035).
    Notification unknownType =
        withType(StoredNotifications.aCreatedSms(owner, Instant.now()), "fax");
    Notification last = StoredNotifications.aCreatedSms(owner, Instant.now());

    List<Optional<RuntimeException>> outcomes =
        store.storeBatch(List.of(queued(first), queued(unknownType), queued(last)));

    assertThat(outcomes.get(0)).isEmpty();
    assertThat(outcomes.get(1)).isPresent();
    assertThat(outcomes.get(2)).isEmpty();
    assertThat(stored(first.id())).isTrue();
    assertThat(stored(unknownType.id())).isFalse();
    assertThat(stored(last.id())).isTrue();
  }

  @Test
  void aBatchStoresEveryNotificationWithItsPersonalDataAndDeliversIt() {
    Owner owner = new StoredNotifications(herald, notifications, jdbc, tx).owner();
    List<Notification> sends =
        List.of(
            StoredNotifications.aCreatedSms(owner, Instant.now()),
            StoredNotifications.aCreatedSms(owner, Instant.now()));

    assertThat(store.storeBatch(sends.stream().map(this::queued).toList()))
        .containsExactly(Optional.empty(), Optional.empty());

    for (Notification n : sends) {
      assertThat(notifications.find(owner.service(), n.id()))
          .get()
          .satisfies(s -> assertThat(s.personal()).isEqualTo(PERSONAL));
      await()
          .alias("its delivery task ran")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  jdbc.sql("SELECT status FROM notifications WHERE id = :id")
                      .param("id", n.id())
                      .query(String.class)
                      .single(),
              status -> status.equals("delivered"));
    }
  }

  private Queued queued(Notification n) {
    return new Queued(n, PERSONAL, NotificationRepository.PRIORITY_API);
  }

  private boolean stored(UUID id) {
    return jdbc.sql("SELECT count(*) FROM notifications WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        == 1;
  }

  private static Notification withType(Notification n, String type) {
    return new Notification(
        n.id(),
        n.serviceId(),
        n.templateId(),
        n.templateVersion(),
        n.apiKeyId(),
        n.keyType(),
        type,
        n.status(),
        n.clientReference(),
        n.billableUnits(),
        n.international(),
        n.phonePrefix(),
        n.postage(),
        n.expiresOn(),
        n.createdAt(),
        n.sentAt(),
        n.updatedAt());
  }
}
