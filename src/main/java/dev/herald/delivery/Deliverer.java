package dev.herald.delivery;

import dev.herald.auth.KeyType;
import dev.herald.delivery.DeliveryRepository.Work;
import dev.herald.notification.NotificationStatus;
import dev.herald.service.Service;
import dev.herald.service.ServiceCache;
import dev.herald.support.HeraldProperties;
import dev.herald.template.EmailBody;
import dev.herald.template.Personalisations;
import dev.herald.template.RenderedTemplate;
import dev.herald.template.Renders;
import dev.herald.template.SmsText;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers one notification: acts only while it is still {@code created} (so a replayed task is a
 * no-op), renders it, hands it to a provider and records the hand-over. Test keys never reach a
 * provider: they get Notify's simulated outcome.
 */
@Component
class Deliverer {

  /** How long a run holds a notification: longer than any provider's timeout. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

  private final DeliveryRepository repository;
  private final ServiceCache services;
  private final TemplateCache templates;
  private final ProviderChoice providers;
  private final HandOver handOver;
  private final ProviderSwitching switching;
  private final ObjectMapper json;
  private final Clock clock;
  private final String emailDomain;
  private final String defaultSmsSender;

  Deliverer(
      DeliveryRepository repository,
      ServiceCache services,
      TemplateCache templates,
      ProviderChoice providers,
      HandOver handOver,
      ProviderSwitching switching,
      ObjectMapper json,
      Clock clock,
      HeraldProperties herald,
      DeliveryProperties delivery) {
    this.repository = repository;
    this.services = services;
    this.templates = templates;
    this.providers = providers;
    this.handOver = handOver;
    this.switching = switching;
    this.json = json;
    this.clock = clock;
    this.emailDomain = herald.emailDomain();
    this.defaultSmsSender = delivery.smsSender();
  }

  /** Delivers, or throws a retryable {@link ProviderException} for the queue to try again. */
  void deliver(UUID id) throws ProviderException {
    Instant now = clock.instant();
    Work work = repository.claim(id, now, now.plus(CLAIM)).orElse(null);
    if (work == null) {
      if (repository.isCreated(id)) {
        throw new ClaimedElsewhere(id);
      }
      return;
    }
    try {
      deliverClaimed(work);
    } catch (ProviderException | RuntimeException e) {
      repository.release(id);
      throw e;
    }
  }

  private void deliverClaimed(Work work) throws ProviderException {
    Service service = services.find(work.serviceId()).orElse(null);
    if (service == null || !service.active()) {
      handOver.giveUp(work.id(), "service archived or gone");
      return;
    }
    Template template =
        templates
            .version(work.serviceId(), work.templateId(), work.templateVersion())
            .orElseThrow();
    RenderedTemplate rendered =
        Renders.render(template, Personalisations.fromJson(json, work.personalisationJson()));
    if ("email".equals(work.type())) {
      deliverEmail(work, service, rendered);
    } else {
      deliverSms(work, service, rendered);
    }
  }

  private void deliverEmail(Work work, Service service, RenderedTemplate rendered)
      throws ProviderException {
    OutgoingEmail email =
        new OutgoingEmail(
            work.id(),
            service.name(),
            service.emailSenderLocalPart() + "@" + emailDomain,
            work.recipient(),
            rendered.subject(),
            EmailBody.html(rendered.body()),
            EmailBody.plainText(rendered.body()),
            work.replyTo(),
            work.unsubscribeLink());
    if (KeyType.TEST.value().equals(work.keyType())) {
      handOver.simulate(work, Simulator.outcomeForEmail(work.recipient()), 0);
      return;
    }
    ProviderException last = new ProviderException("No email provider is configured", true);
    for (EmailProvider provider : providers.emailProviders()) {
      try {
        String reference = provider.send(email);
        handOver.handedOver(
            work,
            NotificationStatus.SENDING,
            provider.name(),
            reference,
            0,
            provider.simulatedReceipt(email));
        return;
      } catch (ProviderException e) {
        last = e;
        log.warn(
            "Email provider {} failed for notification {}: {}",
            provider.name(),
            work.id(),
            e.getMessage());
        if (!e.retryable()) {
          break;
        }
      }
    }
    fail(work, last);
  }

  private void deliverSms(Work work, Service service, RenderedTemplate rendered)
      throws ProviderException {
    String text = service.prefixSms() ? service.name() + ": " + rendered.body() : rendered.body();
    int fragments =
        service.prefixSms()
            ? SmsText.of(rendered.body()).fragmentCount(service.name())
            : SmsText.of(rendered.body()).fragmentCount();
    String sender = work.replyTo() == null ? defaultSmsSender : work.replyTo();
    OutgoingSms sms =
        new OutgoingSms(work.id(), sender, work.normalisedRecipient(), text, work.international());
    if (KeyType.TEST.value().equals(work.keyType())) {
      handOver.simulate(work, Simulator.outcomeForSms(work.normalisedRecipient()), fragments);
      return;
    }
    NotificationStatus afterHandOver =
        work.international() ? NotificationStatus.SENT : NotificationStatus.SENDING;
    List<SmsProvider> candidates = providers.smsProviders(work.international());
    ProviderException last = new ProviderException("No SMS provider can take this message", true);
    for (SmsProvider provider : candidates) {
      try {
        String reference = provider.send(sms);
        handOver.handedOver(
            work,
            afterHandOver,
            provider.name(),
            reference,
            fragments,
            provider.simulatedReceipt(sms));
        return;
      } catch (ProviderException e) {
        last = e;
        log.warn(
            "SMS provider {} failed for notification {}: {}",
            provider.name(),
            work.id(),
            e.getMessage());
        switching.recordError(provider.name());
        if (!e.retryable()) {
          break;
        }
      }
    }
    fail(work, last);
  }

  private void fail(Work work, ProviderException e) throws ProviderException {
    if (!e.retryable()) {
      handOver.giveUp(work.id(), e.getMessage());
      return;
    }
    throw e;
  }
}
