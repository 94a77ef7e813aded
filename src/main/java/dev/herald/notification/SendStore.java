package dev.herald.notification;

import dev.herald.auth.KeyType;
import dev.herald.limit.DailyLimiter;
import dev.herald.service.DataRetention;
import dev.herald.support.WorkSignal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The last step of a send: count it against the daily limits, store the notification with its
 * personal data (expiring by the service's retention) and delivery task, and wake the workers.
 */
@Component
class SendStore {

  private final DailyLimiter dailyLimiter;
  private final DataRetention retention;
  private final NotificationRepository notifications;
  private final WorkSignal workSignal;
  private final ObjectMapper json;
  private final Clock clock;

  SendStore(
      DailyLimiter dailyLimiter,
      DataRetention retention,
      NotificationRepository notifications,
      WorkSignal workSignal,
      ObjectMapper json,
      Clock clock) {
    this.dailyLimiter = dailyLimiter;
    this.retention = retention;
    this.notifications = notifications;
    this.workSignal = workSignal;
    this.json = json;
    this.clock = clock;
  }

  void accept(UUID id, SendRequest request, Recipient recipient, String sender) {
    countTowardsDailyLimits(request, recipient);
    store(id, request, recipient, sender);
    workSignal.newWork();
  }

  private void countTowardsDailyLimits(SendRequest request, Recipient recipient) {
    if (request.key().keyType() == KeyType.TEST) {
      return;
    }
    if (recipient.international()) {
      dailyLimiter.take(request.service(), "international_sms");
    }
    dailyLimiter.take(request.service(), request.type());
  }

  private void store(UUID id, SendRequest request, Recipient recipient, String sender) {
    Instant now = clock.instant();
    Notification notification =
        new Notification(
            id,
            request.service().id(),
            request.template().id(),
            request.template().version(),
            request.key().keyId(),
            request.key().keyType().value(),
            request.type(),
            NotificationStatus.CREATED,
            request.text("reference"),
            0,
            recipient.international(),
            recipient.phonePrefix(),
            null,
            retention.expiresOn(request.service().id(), request.type(), now),
            now,
            null,
            null);
    PersonalData personal =
        new PersonalData(
            recipient.asSent(),
            recipient.normalised(),
            json.writeValueAsString(request.personalisation()),
            sender,
            request.text("one_click_unsubscribe_url"));
    notifications.insert(notification, personal);
  }
}
