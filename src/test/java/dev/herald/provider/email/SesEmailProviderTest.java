package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.ProviderException;
import dev.herald.provider.email.SesFakeServer.Answer;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SesEmailProviderTest {

  private final SesFakeServer ses = SesFakeServer.start();
  private final SesEmailProvider provider = provider(ses.endpoint(), "herald-events");

  @AfterEach
  void stop() {
    provider.close();
    ses.close();
  }

  @Test
  void sendsRawMimeWithTheUnsubscribeHeadersAndAnswersSesMessageId() throws Exception {
    String reference = provider.send(anEmail("https://service.test/unsubscribe?id=42"));

    assertThat(reference).isEqualTo(ses.messageIds().getFirst());
    JsonNode request = ses.sends().getFirst();
    assertThat(request.get("ConfigurationSetName").asString()).isEqualTo("herald-events");
    MimeMessage mime = mime(request.get("Content").get("Raw").get("Data").asString());
    InternetAddress from = (InternetAddress) mime.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Dienst für Bürger");
    assertThat(from.getAddress()).isEqualTo("dienst@herald.test");
    assertThat(mime.getHeader("To", null)).isEqualTo("alice@example.test");
    assertThat(mime.getHeader("Reply-To", null)).isEqualTo("help@herald.test");
    assertThat(mime.getSubject()).isEqualTo("Grüße ✓");
    assertThat(mime.getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://service.test/unsubscribe?id=42>");
    assertThat(mime.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    Multipart parts = (Multipart) mime.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat((String) parts.getBodyPart(0).getContent())
        .isEqualToNormalizingNewlines("Hallo Jürgen\n");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Hallo Jürgen</p>");
  }

  @Test
  void sendsSimpleContentWhenThereIsNoUnsubscribeLink() throws Exception {
    String reference = provider.send(anEmail(null));

    assertThat(reference).isEqualTo(ses.messageIds().getFirst());
    JsonNode request = ses.sends().getFirst();
    assertThat(request.get("Content").has("Raw")).isFalse();
    assertThat(new InternetAddress(request.get("FromEmailAddress").asString()).getPersonal())
        .isEqualTo("Dienst für Bürger");
    assertThat(request.get("Destination").get("ToAddresses").get(0).asString())
        .isEqualTo("alice@example.test");
    assertThat(request.get("ReplyToAddresses").get(0).asString()).isEqualTo("help@herald.test");
    JsonNode simple = request.get("Content").get("Simple");
    assertThat(simple.get("Subject").get("Data").asString()).isEqualTo("Grüße ✓");
    assertThat(simple.get("Subject").get("Charset").asString()).isEqualTo("UTF-8");
    assertThat(simple.get("Body").get("Html").get("Data").asString())
        .isEqualTo("<p>Hallo Jürgen</p>");
    assertThat(simple.get("Body").get("Text").get("Data").asString()).isEqualTo("Hallo Jürgen\n");
  }

  @Test
  void aRejectedMessageIsNotRetriedAndItsErrorLeavesOutTheAddress() {
    ses.refuse(
        new Answer(
            400,
            "MessageRejected",
            "Email address is not verified. The following identities failed the check in region"
                + " EU-WEST-2: dienst@herald.test"));

    ProviderException e = refusal(anEmail(null));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("MessageRejected").doesNotContain("herald.test");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void anUnverifiedMailFromDomainOrABadRequestIsNotRetried() {
    ses.refuse(new Answer(400, "MailFromDomainNotVerifiedException", "not verified"));
    assertThat(refusal(anEmail(null)).retryable()).isFalse();

    ses.refuse(new Answer(400, "BadRequestException", "Missing required parameter"));
    assertThat(refusal(anEmail(null)).retryable()).isFalse();
  }

  @Test
  void throttlingAndServerErrorsAreRetried() {
    ses.refuse(new Answer(429, "TooManyRequestsException", "Too many requests"));
    assertThat(refusal(anEmail(null)).retryable()).isTrue();

    ses.refuse(new Answer(400, "ThrottlingException", "Maximum sending rate exceeded"));
    assertThat(refusal(anEmail(null)).retryable()).isTrue();

    ses.refuse(new Answer(500, "InternalFailure", "Something went wrong"));
    assertThat(refusal(anEmail(null)).retryable()).isTrue();
  }

  @Test
  void anUnreachableServerIsRetried() {
    URI endpoint = ses.endpoint();
    ses.close();
    try (SesEmailProvider unreachable = provider(endpoint, null)) {
      ProviderException e =
          catchThrowableOfType(ProviderException.class, () -> unreachable.send(anEmail(null)));
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void anAddressThatCannotGoInAHeaderIsNotSentNorRetried() {
    var email =
        new OutgoingEmail(
            UUID.randomUUID(),
            "Dienst",
            "dienst@herald.test",
            "not an address",
            "S",
            "<p/>",
            "t",
            null,
            null);

    assertThat(refusal(email).retryable()).isFalse();
    assertThat(ses.sends()).isEmpty();
  }

  private ProviderException refusal(OutgoingEmail email) {
    return catchThrowableOfType(ProviderException.class, () -> provider.send(email));
  }

  private static SesEmailProvider provider(URI endpoint, String configurationSet) {
    var properties =
        new SesProperties(
            "eu-west-2",
            endpoint,
            "AKIDEXAMPLE",
            "secret",
            configurationSet,
            null,
            Duration.ofSeconds(2),
            null,
            List.of());
    return new SesEmailProvider(properties, Clock.systemUTC());
  }

  private static OutgoingEmail anEmail(String unsubscribeUrl) {
    return new OutgoingEmail(
        UUID.randomUUID(),
        "Dienst für Bürger",
        "dienst@herald.test",
        "alice@example.test",
        "Grüße ✓",
        "<p>Hallo Jürgen</p>",
        "Hallo Jürgen\n",
        "help@herald.test",
        unsubscribeUrl);
  }

  private static MimeMessage mime(String base64) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }
}
