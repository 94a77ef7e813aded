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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers one notification claimed from the queue ({@link DeliveryQueue}): renders it, hands it to
 * a provider and records the hand-over, which takes effect only while the notification is still
 * {@code created} (so a replayed run changes nothing). Test keys never reach a provider: they get
 * Notify's simulated outcome.
 */
@Component
class Deliverer {

  /** The claim of a run outside the queue: there is no queue row to remove. */
  static final long NO_CLAIM = 0;

  private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

  private final ServiceCache services;
  private final TemplateCache templates;
  private final ProviderChoice providers;
  private final HandOver handOver;
  private final ProviderSwitching switching;
  private final ObjectMapper json;
  private final String emailDomain;
  private final String defaultSmsSender;

  Deliverer(
      ServiceCache services,
      TemplateCache templates,
      ProviderChoice providers,
      HandOver handOver,
      ProviderSwitching switching,
      ObjectMapper json,
      HeraldProperties herald,
      DeliveryProperties delivery) {
    this.services = services;
    this.templates = templates;
    this.providers = providers;
    this.handOver = handOver;
    this.switching = switching;
    this.json = json;
    this.emailDomain = herald.emailDomain();
    this.defaultSmsSender = delivery.smsSender();
  }

  /**
   * Delivers a notification claimed from the queue (claim {@code claim}, or {@link #NO_CLAIM}), or
   * throws a retryable {@link ProviderException} for the queue to try again. Answers whether the
   * hand-over removed the run's queue row; if not, the queue removes it.
   */
  boolean deliver(Work work, long claim) throws ProviderException {
    Service service = services.find(work.serviceId()).orElse(null);
    if (service == null || !service.active()) {
      handOver.giveUp(work.id(), "service archived or gone");
      return false;
    }
    Template template =
        templates
            .version(work.serviceId(), work.templateId(), work.templateVersion())
            .orElseThrow();
    RenderedTemplate rendered =
        Renders.render(template, Personalisations.fromJson(json, work.personalisationJson()));
    return "email".equals(work.type())
        ? deliverEmail(work, service, rendered, claim)
        : deliverSms(work, service, rendered, claim);
  }

  private boolean deliverEmail(Work work, Service service, RenderedTemplate rendered, long claim)
      throws ProviderException {
    EmailBody.Parts body = EmailBody.parts(rendered.body());
    OutgoingEmail email =
        new OutgoingEmail(
            work.id(),
            service.name(),
            service.emailSenderLocalPart() + "@" + emailDomain,
            work.recipient(),
            rendered.subject(),
            body.html(),
            body.plainText(),
            work.replyTo(),
            work.unsubscribeLink());
    if (KeyType.TEST.value().equals(work.keyType())) {
      return handOver.simulate(work, Simulator.outcomeForEmail(work.recipient()), 0, claim);
    }
    ProviderException last = null; // made only when every provider failed: it fills a stack trace
    for (EmailProvider provider : providers.emailProviders()) {
      try {
        String reference = provider.send(email);
        return handOver.handedOver(
            work,
            NotificationStatus.SENDING,
            provider.name(),
            reference,
            0,
            provider.simulatedReceipt(email),
            claim);
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
    return fail(
        work, last == null ? new ProviderException("No email provider is configured", true) : last);
  }

  private boolean deliverSms(Work work, Service service, RenderedTemplate rendered, long claim)
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
      return handOver.simulate(
          work, Simulator.outcomeForSms(work.normalisedRecipient()), fragments, claim);
    }
    NotificationStatus afterHandOver =
        work.international() ? NotificationStatus.SENT : NotificationStatus.SENDING;
    List<SmsProvider> candidates = providers.smsProviders(work.international());
    ProviderException last = null;
    for (SmsProvider provider : candidates) {
      try {
        String reference = provider.send(sms);
        return handOver.handedOver(
            work,
            afterHandOver,
            provider.name(),
            reference,
            fragments,
            provider.simulatedReceipt(sms),
            claim);
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
    return fail(
        work,
        last == null ? new ProviderException("No SMS provider can take this message", true) : last);
  }

  private boolean fail(Work work, ProviderException e) throws ProviderException {
    if (!e.retryable()) {
      handOver.giveUp(work.id(), e.getMessage());
      return false;
    }
    throw e;
  }
}
