package dev.herald.provider.outbox;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.Simulator;
import dev.herald.delivery.SmsProvider;
import dev.herald.notification.NotificationStatus;
import dev.herald.print.PrintBatch;
import dev.herald.print.PrintLetter;
import dev.herald.print.PrintOutcome;
import dev.herald.print.PrintProvider;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as an email provider and an SMS provider: it keeps the message and simulates a
 * receipt.
 */
final class OutboxProviders {

  static final String NAME = "outbox";

  private OutboxProviders() {}

  static EmailProvider email(Outbox outbox, Clock clock) {
    return new EmailProvider() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public String send(OutgoingEmail email) {
        outbox.add(
            new Outbox.Message(
                email.notificationId(),
                "email",
                "\"" + email.fromName() + "\" <" + email.fromAddress() + ">",
                email.to(),
                email.subject(),
                email.htmlBody(),
                email.textBody(),
                null,
                clock.instant()));
        return email.notificationId().toString();
      }

      @Override
      public Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
        return Optional.of(Simulator.outcomeForEmail(email.to()));
      }
    };
  }

  static SmsProvider sms(Outbox outbox, Clock clock) {
    return new SmsProvider() {
      @Override
      public String name() {
        return NAME + "-sms";
      }

      @Override
      public boolean supportsInternational() {
        return true;
      }

      @Override
      public String send(OutgoingSms sms) {
        outbox.add(
            new Outbox.Message(
                sms.notificationId(),
                "sms",
                sms.sender(),
                sms.to(),
                null,
                null,
                sms.text(),
                null,
                clock.instant()));
        return sms.notificationId().toString();
      }

      @Override
      public Optional<NotificationStatus> simulatedReceipt(OutgoingSms sms) {
        return Optional.of(Simulator.outcomeForSms(sms.to()));
      }
    };
  }

  /**
   * The outbox as a print provider: the letters are on the outbox already (with their PDFs, since
   * they were made); a letter whose PDF is gone is rejected as a printer would, and the others are
   * despatched at once, as if the printer's receipts came with the hand-over.
   */
  static PrintProvider print() {
    return new PrintProvider() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public int maxBatchLetters() {
        return 500;
      }

      @Override
      public PrintOutcome send(PrintBatch batch) {
        Map<UUID, String> rejected = new HashMap<>();
        for (PrintLetter letter : batch.letters()) {
          if (letter.pdf().get().isEmpty()) {
            rejected.put(letter.notificationId(), "no PDF");
          }
        }
        return new PrintOutcome(rejected);
      }

      @Override
      public boolean despatchesAtOnce() {
        return true;
      }
    };
  }
}
