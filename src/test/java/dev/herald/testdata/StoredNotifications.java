package dev.herald.testdata;

import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.PersonalData;
import dev.herald.support.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores SMS notifications straight through the repository, for tests of what happens after the
 * send: queued at a chosen priority, or with no delivery task so that only the test delivers them.
 */
public final class StoredNotifications {

  private static final PersonalData PERSONAL =
      new PersonalData("07700900123", "447700900123", "{}", null, null);

  private final Herald herald;
  private final NotificationRepository notifications;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  /** The service, template and key the notifications belong to. */
  public record Owner(UUID service, UUID template, UUID key) {}

  public StoredNotifications(
      Herald herald,
      NotificationRepository notifications,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.herald = herald;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** A live service with an SMS template and a normal key. */
  public Owner owner() {
    UUID service = herald.liveService();
    UUID template = herald.template(service, "sms", null, "Hello");
    UUID key =
        UUID.fromString(
            herald
                .adminOk(
                    "POST",
                    "/admin/services/" + service + "/api-keys",
                    Map.of("name", "stored " + UUID.randomUUID(), "key_type", "normal"))
                .get("id")
                .asString());
    return new Owner(service, template, key);
  }

  /** A {@code created} SMS of the owner's, made at {@code at}. */
  public static Notification aCreatedSms(Owner owner, Instant at) {
    return new Notification(
        Ids.timeOrdered(),
        owner.service(),
        owner.template(),
        1,
        owner.key(),
        "normal",
        "sms",
        NotificationStatus.CREATED,
        null,
        0,
        false,
        "44",
        null,
        LocalDate.now().plusDays(7),
        at,
        null,
        null);
  }

  /**
   * Stores notifications, queued at a priority, in one transaction (visible to workers at once).
   */
  public void queue(Consumer<Queue> stores) {
    tx.executeWithoutResult(
        status -> stores.accept((n, priority) -> notifications.insert(n, PERSONAL, priority)));
  }

  /** A created notification no worker will pick up: it is not in the delivery queue. */
  public UUID createdNotQueued(Owner owner) {
    Notification n = aCreatedSms(owner, Instant.now());
    tx.executeWithoutResult(
        status -> {
          notifications.insert(n, PERSONAL);
          jdbc.sql("DELETE FROM delivery_queue WHERE notification_id = :id")
              .param("id", n.id())
              .update();
        });
    return n.id();
  }

  /** Stores one notification at a priority. */
  @FunctionalInterface
  public interface Queue {
    void store(Notification notification, int priority);
  }
}
