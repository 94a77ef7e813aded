package dev.herald.callback;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.herald.callback.CallbackPayloads.Payload;
import dev.herald.support.Ids;
import dev.herald.support.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs one {@code send-callback} task: reads the body from the current rows, POSTs it, records the
 * attempt, and either finishes the task or reschedules it by the {@link RetryPolicy}. Neither the
 * body nor the token is ever logged.
 */
class CallbackWorker {

  private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);

  private final CallbackPayloads payloads;
  private final CallbackRepository repository;
  private final CallbackSender sender;
  private final SecretBox secrets;
  private final ObjectMapper json;
  private final Clock clock;
  private volatile RetryPolicy policy;

  CallbackWorker(
      CallbackPayloads payloads,
      CallbackRepository repository,
      CallbackSender sender,
      SecretBox secrets,
      ObjectMapper json,
      CallbackProperties properties,
      Clock clock) {
    this.payloads = payloads;
    this.repository = repository;
    this.sender = sender;
    this.secrets = secrets;
    this.json = json;
    this.clock = clock;
    this.policy = properties.retryPolicy();
  }

  /** Replaces the retry policy, so that tests need not wait 30 seconds for a retry. */
  void retryPolicy(RetryPolicy policy) {
    this.policy = policy;
  }

  RetryPolicy retryPolicy() {
    return policy;
  }

  CompletionHandler<CallbackRetry> execute(
      TaskInstance<CallbackRetry> task, ExecutionContext context) {
    CallbackSubject subject = CallbackSubject.parse(task.getId());
    Optional<Payload> payload = payload(subject);
    if (payload.isEmpty() || payload.get().body() == null) {
      log.info("Callback {} dropped: its subject or its personal data is gone", task.getId());
      return (complete, operations) -> operations.remove();
    }
    Optional<CallbackEndpoint> endpoint =
        repository.find(payload.get().serviceId(), subject.callbackType());
    if (endpoint.isEmpty()) {
      log.info("Callback {} dropped: the service no longer has that callback", task.getId());
      return (complete, operations) -> operations.remove();
    }
    return attempt(subject, endpoint.get(), payload.get(), task.getData());
  }

  private CompletionHandler<CallbackRetry> attempt(
      CallbackSubject subject, CallbackEndpoint endpoint, Payload payload, CallbackRetry before) {
    Instant now = clock.instant();
    CallbackRetry after =
        before == null
            ? new CallbackRetry(1, now)
            : new CallbackRetry(before.attempts() + 1, before.firstAttemptAt());
    CallbackSender.Outcome outcome =
        sender.post(
            endpoint.url(),
            secrets.openString(endpoint.sealedToken()),
            json.writeValueAsBytes(payload.body()));
    repository.record(
        new CallbackAttempt(
            Ids.timeOrdered(),
            endpoint.serviceId(),
            subject.callbackType(),
            subject.subjectId(),
            subject.notificationStatus(),
            after.attempts(),
            outcome.statusCode(),
            outcome.error(),
            outcome.durationMs(),
            now));
    return next(subject, outcome, after);
  }

  private CompletionHandler<CallbackRetry> next(
      CallbackSubject subject, CallbackSender.Outcome outcome, CallbackRetry after) {
    if (outcome.succeeded() || !outcome.retryable()) {
      if (!outcome.succeeded()) {
        log.info(
            "Callback {} refused with HTTP {}; not retried",
            subject.taskInstance(),
            outcome.statusCode());
      }
      return (complete, operations) -> operations.remove();
    }
    Optional<Instant> retryAt =
        policy.nextAttempt(
            after.attempts(),
            after.firstAttemptAt(),
            clock.instant(),
            ThreadLocalRandom.current().nextDouble());
    if (retryAt.isEmpty()) {
      log.warn(
          "Callback {} given up after {} attempts since {}",
          subject.taskInstance(),
          after.attempts(),
          after.firstAttemptAt());
      return (complete, operations) -> operations.remove();
    }
    return (complete, operations) -> operations.reschedule(complete, retryAt.get(), after);
  }

  private Optional<Payload> payload(CallbackSubject subject) {
    return switch (subject.callbackType()) {
      case CallbackSubject.DELIVERY_STATUS ->
          payloads.deliveryStatus(subject.subjectId(), subject.notificationStatus());
      case CallbackSubject.INBOUND_SMS -> payloads.inboundSms(subject.subjectId());
      case CallbackSubject.COMPLAINT -> payloads.complaint(subject.subjectId());
      case CallbackSubject.RETURNED_LETTER -> payloads.returnedLetter(subject.subjectId());
      default ->
          throw new IllegalStateException(
              "Unknown callback type in task " + subject.taskInstance());
    };
  }
}
