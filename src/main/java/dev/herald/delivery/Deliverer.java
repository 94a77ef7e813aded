package dev.herald.delivery;

import dev.herald.auth.KeyType;
import dev.herald.delivery.DeliveryRepository.Work;
import dev.herald.notification.NotificationStatus;
import dev.herald.service.Service;
import dev.herald.service.ServiceCache;
import dev.herald.support.GroupCommit;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers one notification: acts only while it is still {@code created} (so a replayed task is a
 * no-op), renders it, hands it to a provider and records the hand-over. Test keys never reach a
 * provider: they get Notify's simulated outcome.
 *
 * <p>The claims of runs that start at about the same time are made in one statement ({@link
 * GroupCommit}), as are their hand-overs ({@link HandOver}).
 */
@Component
class Deliverer implements DisposableBean {

  /** How long a run holds a notification: longer than any provider's timeout. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  /** The task version of a run outside the queue: there is no task to remove. */
  static final long NO_TASK = 0;

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
  private final GroupCommit<UUID, Optional<Work>> claims;

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
    this.claims =
        new GroupCommit<>(
            "delivery-claim",
            HandOver.BATCH_THREADS,
            HandOver.BATCH,
            Duration.ofMinutes(1),
            this::claim);
  }

  /**
   * Delivers, or throws a retryable {@link ProviderException} for the queue to try again. Answers
   * whether the hand-over removed the run's task (of version {@code taskVersion}, or {@link
   * #NO_TASK}); if not, the queue removes it.
   */
  boolean deliver(UUID id, long taskVersion) throws ProviderException {
    Work work = claims.submit(id).orElse(null);
    if (work == null) {
      if (repository.isCreated(id)) {
        throw new ClaimedElsewhere(id);
      }
      return false;
    }
    try {
      return deliverClaimed(work, taskVersion);
    } catch (ProviderException | RuntimeException e) {
      repository.release(id);
      throw e;
    }
  }

  /** One batch of claims: a notification asked for twice in a batch goes to the first asker. */
  private List<Optional<Work>> claim(List<UUID> ids) {
    Instant now = clock.instant();
    Map<UUID, Work> claimed = new HashMap<>();
    for (Work work : repository.claim(new HashSet<>(ids), now, now.plus(CLAIM))) {
      claimed.put(work.id(), work);
    }
    return ids.stream().map(id -> Optional.ofNullable(claimed.remove(id))).toList();
  }

  private boolean deliverClaimed(Work work, long taskVersion) throws ProviderException {
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
        ? deliverEmail(work, service, rendered, taskVersion)
        : deliverSms(work, service, rendered, taskVersion);
  }

  private boolean deliverEmail(
      Work work, Service service, RenderedTemplate rendered, long taskVersion)
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
      return handOver.simulate(work, Simulator.outcomeForEmail(work.recipient()), 0, taskVersion);
    }
    ProviderException last = new ProviderException("No email provider is configured", true);
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
            taskVersion);
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
    return fail(work, last);
  }

  private boolean deliverSms(
      Work work, Service service, RenderedTemplate rendered, long taskVersion)
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
          work, Simulator.outcomeForSms(work.normalisedRecipient()), fragments, taskVersion);
    }
    NotificationStatus afterHandOver =
        work.international() ? NotificationStatus.SENT : NotificationStatus.SENDING;
    List<SmsProvider> candidates = providers.smsProviders(work.international());
    ProviderException last = new ProviderException("No SMS provider can take this message", true);
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
            taskVersion);
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
    return fail(work, last);
  }

  private boolean fail(Work work, ProviderException e) throws ProviderException {
    if (!e.retryable()) {
      handOver.giveUp(work.id(), e.getMessage());
      return false;
    }
    throw e;
  }

  @Override
  public void destroy() {
    claims.close();
  }
}
