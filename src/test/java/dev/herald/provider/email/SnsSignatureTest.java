package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.provider.email.SnsSignature.CertificateUnavailableException;
import dev.herald.testdata.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SnsSignatureTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1");

  private final SesFakeServer server = SesFakeServer.start();
  private final String certificateUrl = server.endpoint() + "/SimpleNotificationService-1.pem";
  private final SnsTestSigner sns = new SnsTestSigner(certificateUrl);
  private final MutableClock clock = new MutableClock();
  private final SnsSignature signature =
      new SnsSignature(new SnsHosts(LOOPBACK, Duration.ofSeconds(2)), clock);

  {
    server.serve("/SimpleNotificationService-1.pem", sns.pem());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theCanonicalTextIsTheOneAwsDocuments() {
    var notification =
        SnsMessage.of(
            JSON.valueToTree(
                Map.of(
                    "Type", "Notification",
                    "MessageId", "m-1",
                    "TopicArn", "arn:t",
                    "Subject", "s",
                    "Message", "hello",
                    "Timestamp", "2026-11-03T09:15:00.000Z",
                    "SignatureVersion", "1",
                    "Signature", "x",
                    "SigningCertURL", "https://sns.eu-west-2.amazonaws.com/c.pem")));
    assertThat(notification.canonical())
        .isEqualTo(
            "Message\nhello\nMessageId\nm-1\nSubject\ns\nTimestamp\n2026-11-03T09:15:00.000Z\n"
                + "TopicArn\narn:t\nType\nNotification\n");

    var confirmation =
        SnsMessage.of(
            JSON.valueToTree(
                Map.of(
                    "Type", "SubscriptionConfirmation",
                    "MessageId", "m-2",
                    "Token", "tok",
                    "TopicArn", "arn:t",
                    "Message", "hello",
                    "SubscribeURL", "https://sns/confirm",
                    "Timestamp", "2026-11-03T09:15:00.000Z",
                    "SignatureVersion", "1",
                    "Signature", "x",
                    "SigningCertURL", "https://sns.eu-west-2.amazonaws.com/c.pem")));
    assertThat(confirmation.canonical())
        .isEqualTo(
            "Message\nhello\nMessageId\nm-2\nSubscribeURL\nhttps://sns/confirm\n"
                + "Timestamp\n2026-11-03T09:15:00.000Z\nToken\ntok\nTopicArn\narn:t\n"
                + "Type\nSubscriptionConfirmation\n");
  }

  @Test
  void passesMessagesSignedWithEitherVersion() throws Exception {
    assertThat(signature.problem(message(sns.notification("{\"a\":1}", "1")))).isEmpty();
    assertThat(signature.problem(message(sns.notification("{\"a\":1}", "2")))).isEmpty();
    assertThat(signature.problem(message(sns.subscriptionConfirmation("https://x/y")))).isEmpty();
  }

  @Test
  void failsAMessageChangedAfterSigning() throws Exception {
    for (String version : new String[] {"1", "2"}) {
      var tampered = new LinkedHashMap<>(sns.notification("{\"eventType\":\"Bounce\"}", version));
      tampered.put("Message", "{\"eventType\":\"Delivery\"}");
      assertThat(signature.problem(message(tampered)))
          .contains("The signature does not match the message");
    }
  }

  @Test
  void failsAMessageSignedWithAnotherKeyOrAVersionSnsDoesNotUse() throws Exception {
    var impostor = new SnsTestSigner(certificateUrl);
    assertThat(signature.problem(message(impostor.notification("{}", "2")))).isPresent();

    var garbled = new LinkedHashMap<>(sns.notification("{}", "2"));
    garbled.put("Signature", "not base64!");
    assertThat(signature.problem(message(garbled))).isPresent();

    assertThat(signature.problem(message(sns.signed(sns.notification("{}", "2"), "3"))))
        .contains("SignatureVersion 3 is not supported");
  }

  @Test
  void takesCertificatesOnlyFromAllowedHostsAndKeepsThem() throws Exception {
    var strict =
        new SnsSignature(
            new SnsHosts(
                Pattern.compile("sns\\.eu-west-2\\.amazonaws\\.com"), Duration.ofSeconds(1)),
            clock);
    assertThat(strict.problem(message(sns.notification("{}", "1"))))
        .contains("SigningCertURL is not on an allowed SNS host");
    assertThat(server.fetches("/SimpleNotificationService-1.pem")).isZero();

    signature.problem(message(sns.notification("{}", "1")));
    signature.problem(message(sns.notification("{}", "2")));
    assertThat(server.fetches("/SimpleNotificationService-1.pem")).isEqualTo(1);
  }

  @Test
  void failsAnExpiredCertificate() throws Exception {
    clock.set(clock.instant().plus(Duration.ofDays(2)));

    assertThat(signature.problem(message(sns.notification("{}", "2"))))
        .contains("The signing certificate is expired or not yet valid");
  }

  @Test
  void aCertificateThatCannotBeFetchedIsUnavailableNotInvalid() {
    var elsewhere = new SnsTestSigner(server.endpoint() + "/missing.pem");

    assertThatThrownBy(() -> signature.problem(message(elsewhere.notification("{}", "1"))))
        .isInstanceOf(CertificateUnavailableException.class);
  }

  @Test
  void allowsHttpsOnTheDefaultPortOrHttpToALoopbackAddressTheHostPatternNames() {
    var aws =
        new SnsHosts(Pattern.compile("sns\\.eu-west-2\\.amazonaws\\.com"), Duration.ofSeconds(1));
    assertThat(aws.allowed("https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-a.pem"))
        .isPresent();
    assertThat(aws.allowed("https://sns.eu-west-2.amazonaws.com.evil.test/c.pem")).isEmpty();
    assertThat(aws.allowed("https://sns.eu-west-2.amazonaws.com@evil.test/c.pem")).isEmpty();
    assertThat(aws.allowed("https://sns.eu-west-1.amazonaws.com/c.pem")).isEmpty();
    assertThat(aws.allowed("https://sns.eu-west-2.amazonaws.com:8443/c.pem")).isEmpty();
    assertThat(aws.allowed("http://sns.eu-west-2.amazonaws.com/c.pem")).isEmpty();
    assertThat(aws.allowed("http://127.0.0.1:8080/c.pem")).isEmpty();
    assertThat(aws.allowed("not a url")).isEmpty();

    var loopback = new SnsHosts(LOOPBACK, Duration.ofSeconds(1));
    assertThat(loopback.allowed("http://127.0.0.1:8080/c.pem")).isPresent();
    assertThat(loopback.allowed("file://127.0.0.1/etc/passwd")).isEmpty();
    var anyHost = new SnsHosts(Pattern.compile(".*"), Duration.ofSeconds(1));
    assertThat(anyHost.allowed("http://example.test/c.pem")).isEmpty();
  }

  private static SnsMessage message(Map<String, String> fields) {
    return SnsMessage.of(JSON.valueToTree(fields));
  }
}
