package dev.herald.provider.email;

import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.complaint.Complaints;
import dev.herald.complaint.ProviderComplaint;
import dev.herald.notification.NotificationStatus;
import dev.herald.provider.email.SnsSignature.CertificateUnavailableException;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.ProviderReports;
import dev.herald.receipt.ReceiptSink;
import dev.herald.support.ConditionalOnSetting;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Where Amazon SNS delivers SES's events: confirms the subscription, then turns each signed
 * delivery or bounce into a receipt and each complaint into a recorded complaint. Anything
 * unsigned, or signed by someone else, is refused.
 */
@RestController
@ConditionalOnSetting("herald.ses.region")
class SnsEventController {

  private static final Logger log = LoggerFactory.getLogger(SnsEventController.class);

  private final SesProperties properties;
  private final SnsHosts hosts;
  private final SnsSignature signature;
  private final ReceiptSink receipts;
  private final Complaints complaints;
  private final ObjectMapper json;
  private final Clock clock;

  SnsEventController(
      SesProperties properties,
      SnsHosts hosts,
      SnsSignature signature,
      ReceiptSink receipts,
      Complaints complaints,
      ObjectMapper json,
      Clock clock) {
    this.properties = properties;
    this.hosts = hosts;
    this.signature = signature;
    this.receipts = receipts;
    this.complaints = complaints;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/providers/ses/events")
  ResponseEntity<Void> event(@RawBody byte[] body) {
    SnsMessage message = SnsMessage.of(JsonBodies.parse(json, body));
    authenticate(message);
    switch (message.type()) {
      case SnsMessage.NOTIFICATION -> notification(message);
      case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
      default -> log.info("SNS ended the subscription to {}", message.topicArn());
    }
    return ResponseEntity.ok().build();
  }

  private void authenticate(SnsMessage message) {
    if (!properties.snsTopicArns().isEmpty()
        && !properties.snsTopicArns().contains(message.topicArn())) {
      throw ApiException.auth(403, "Invalid topic: Herald does not listen to this SNS topic");
    }
    Optional<String> problem;
    try {
      problem = signature.problem(message);
    } catch (CertificateUnavailableException e) {
      log.warn("{}", e.getMessage());
      throw unavailable("The SNS signing certificate could not be fetched; try again later");
    }
    problem.ifPresent(
        p -> {
          throw ApiException.auth(403, "Invalid signature: " + p);
        });
  }

  private void notification(SnsMessage message) {
    SesEvent event =
        SesEvent.of(JsonBodies.parse(json, message.message().getBytes(StandardCharsets.UTF_8)));
    Optional<NotificationStatus> status = event.status();
    if (status.isPresent()) {
      receipts.apply(
          new ProviderReceipt(
              properties.name(),
              ProviderReports.reference("mail.messageId", event.messageId()),
              status.get(),
              at(event, message)));
    } else if (event.complaint()) {
      complaints.record(
          new ProviderComplaint(
              properties.name(),
              ProviderReports.reference("mail.messageId", event.messageId()),
              ProviderReports.reference("complaint.feedbackId", event.feedbackId()),
              event.complaintType(),
              at(event, message)));
    } else {
      log.debug("SES event {} for message {} ignored", event.type(), event.messageId());
    }
  }

  private void confirm(SnsMessage message) {
    URI url =
        hosts
            .allowed(message.subscribeUrl())
            .orElseThrow(
                () -> ApiException.badRequest("SubscribeURL is not on an allowed SNS host"));
    try {
      hosts.get(url);
      log.info("Confirmed the SNS subscription to {}", message.topicArn());
    } catch (IOException e) {
      log.warn("Confirming the SNS subscription to {} failed", message.topicArn(), e);
      throw unavailable("The subscription could not be confirmed; try again later");
    }
  }

  /**
   * When the event happened, or else when SNS published it; within the window of {@link
   * ProviderReports#reportedAt}.
   */
  private Instant at(SesEvent event, SnsMessage message) {
    if (event.at() != null) {
      return ProviderReports.reportedAt("timestamp", event.at(), clock.instant());
    }
    try {
      return ProviderReports.reportedAt(
          "Timestamp", Instant.parse(message.timestamp()), clock.instant());
    } catch (DateTimeParseException e) {
      throw ApiException.validation("Timestamp is not a valid ISO-8601 date-time");
    }
  }

  private static ApiException unavailable(String message) {
    return new ApiException(503, "ServiceUnavailableError", message);
  }
}
