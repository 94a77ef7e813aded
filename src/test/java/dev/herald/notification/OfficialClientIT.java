package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Herald;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.ReceivedTextMessage;
import uk.gov.service.notify.ReceivedTextMessageList;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;
import uk.gov.service.notify.Template;
import uk.gov.service.notify.TemplateList;
import uk.gov.service.notify.TemplatePreview;

/**
 * Every email, SMS, template and received-text method of the official Notify Java client, against
 * the fixture Notify's own client integration test expects (contract §8.1).
 */
class OfficialClientIT extends ApiIT {

  private static final String TEAM_EMAIL = "functional@example.gov.uk";
  private static final String INBOUND_NUMBER = "07700900500";

  private UUID service;
  private String emailTemplate;
  private String smsTemplate;
  private String replyToId;
  private String smsSenderId;
  private NotificationClient testClient;
  private NotificationClient liveClient;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/users",
        Map.of("name", "Functional", "email_address", TEAM_EMAIL, "mobile_number", INBOUND_NUMBER));
    emailTemplate =
        herald
            .template(
                service,
                "email",
                "Functional Tests are good",
                "Hello ((name))\r\n\r\nFunctional test help make our world a better place")
            .toString();
    smsTemplate =
        herald
            .template(
                service,
                "sms",
                null,
                "Hey ((name)), I’m trying out Notify. Today is ((day of week)) and my favourite colour is ((colour)).")
            .toString();
    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/templates/" + smsTemplate,
        Map.of("content", "Hello ((name))\r\n\r\nFunctional Tests make our world a better place"));
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/email-reply-to",
        Map.of("email_address", "default@example.gov.uk", "is_default", true));
    replyToId =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/email-reply-to",
                Map.of("email_address", "reply@example.gov.uk", "is_default", false))
            .get("id")
            .asString();
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/sms-senders",
        Map.of("sms_sender", "GOVUK", "is_default", true));
    smsSenderId =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/sms-senders",
                Map.of("sms_sender", "func tests", "is_default", false))
            .get("id")
            .asString();
    herald.adminOk(
        "POST",
        "/admin/services/" + service + "/inbound-number",
        Map.of("number", Herald.uniqueNumber()));
    for (int i = 0; i < 3; i++) {
      herald.adminOk(
          "POST",
          "/admin/services/" + service + "/inbound-sms",
          Map.of("user_number", "00000000000", "content", "This is a test message"));
      clock.advance(java.time.Duration.ofMillis(1));
    }
    testClient = new NotificationClient(herald.key(service, "test"), baseUrl());
    liveClient = new NotificationClient(herald.key(service, "normal"), baseUrl());
  }

  @Test
  void sendsAnEmailAndReadsItBack() throws Exception {
    String name = UUID.randomUUID().toString();
    String reference = UUID.randomUUID().toString();
    SendEmailResponse sent =
        testClient.sendEmail(emailTemplate, TEAM_EMAIL, Map.of("name", name), reference);
    assertThat(sent.getBody()).contains(name);
    assertThat(sent.getReference()).contains(reference);
    assertThat(sent.getSubject()).isEqualTo("Functional Tests are good");
    assertThat(sent.getFromEmail()).isPresent();
    assertThat(sent.getTemplateUri())
        .isEqualTo(baseUrl() + "/services/" + service + "/templates/" + emailTemplate);

    Notification n = testClient.getNotificationById(sent.getNotificationId().toString());
    assertThat(n.getId()).isEqualTo(sent.getNotificationId());
    assertThat(n.getNotificationType()).isEqualTo("email");
    assertThat(n.getEmailAddress()).contains(TEAM_EMAIL);
    assertThat(n.getPhoneNumber()).isEmpty();
    assertThat(n.getLine1()).isEmpty();
    assertThat(n.getPostcode()).isEmpty();
    assertThat(n.getPostage()).isEmpty();
    assertThat(n.getSubject()).contains("Functional Tests are good");
    assertThat(n.getCreatedByName()).isEmpty();
    assertThat(n.getBody()).contains(name);
    assertThat(n.getStatus()).isIn("created", "sending", "delivered");
    assertThat(n.getTemplateUri())
        .isEqualTo(baseUrl() + "/v2/template/" + emailTemplate + "/version/1");
    assertThat(n.getCreatedAt()).isNotNull();
  }

  @Test
  void sendsATextMessageAndReadsItBack() throws Exception {
    String name = UUID.randomUUID().toString();
    SendSmsResponse sent =
        testClient.sendSms(smsTemplate, INBOUND_NUMBER, Map.of("name", name), "sms-ref");
    assertThat(sent.getBody()).contains(name);
    assertThat(sent.getReference()).contains("sms-ref");
    assertThat(sent.getTemplateVersion()).isEqualTo(2);
    assertThat(sent.getFromNumber()).contains("GOVUK");

    Notification n = testClient.getNotificationById(sent.getNotificationId().toString());
    assertThat(n.getPhoneNumber()).contains(INBOUND_NUMBER);
    assertThat(n.getEmailAddress()).isEmpty();
    assertThat(n.getSubject()).isEmpty();
    assertThat(n.getStatus()).isIn("created", "sending", "delivered");
  }

  @Test
  void sendsWithTheNonDefaultSenderAndReplyTo() throws Exception {
    SendSmsResponse sms =
        liveClient.sendSms(smsTemplate, INBOUND_NUMBER, Map.of("name", "x"), null, smsSenderId);
    assertThat(sms.getFromNumber()).contains("func tests");
    SendEmailResponse email =
        liveClient.sendEmail(emailTemplate, TEAM_EMAIL, Map.of("name", "x"), null, replyToId);
    assertThat(email.getNotificationId()).isNotNull();
  }

  @Test
  void sendsAnEmailWithAOneClickUnsubscribeLink() throws Exception {
    java.net.URI unsubscribe = java.net.URI.create("https://example.gov.uk/unsubscribe?u=1");
    SendEmailResponse sent =
        liveClient.sendEmail(
            emailTemplate, TEAM_EMAIL, Map.of("name", "x"), null, null, unsubscribe);
    Notification n = liveClient.getNotificationById(sent.getNotificationId().toString());
    assertThat(n.getNotificationType()).isEqualTo("email");
    tools.jackson.databind.JsonNode raw =
        http.send(
                "GET",
                "/v2/notifications/" + sent.getNotificationId(),
                dev.herald.testdata.Tokens.bearer(herald.key(service, "normal")),
                null)
            .json();
    assertThat(raw.get("one_click_unsubscribe_url").asString()).isEqualTo(unsubscribe.toString());
  }

  @Test
  void refusesAnUnknownSenderOrReplyTo() {
    assertThatThrownBy(
            () ->
                testClient.sendSms(
                    smsTemplate,
                    INBOUND_NUMBER,
                    Map.of("name", "x"),
                    null,
                    UUID.randomUUID().toString()))
        .hasMessageContaining("does not exist in database for service id");
    assertThatThrownBy(
            () ->
                testClient.sendEmail(
                    emailTemplate,
                    TEAM_EMAIL,
                    Map.of("name", "x"),
                    null,
                    UUID.randomUUID().toString()))
        .hasMessageContaining("does not exist in database for service id");
  }

  @Test
  void reportsMissingPersonalisation() {
    assertThatThrownBy(() -> testClient.sendEmail(emailTemplate, TEAM_EMAIL, null, null))
        .isInstanceOf(NotificationClientException.class)
        .hasMessageContaining("Missing personalisation: name")
        .hasMessageContaining("BadRequestError")
        .satisfies(
            e -> assertThat(((NotificationClientException) e).getHttpResult()).isEqualTo(400));
    assertThatThrownBy(() -> testClient.sendSms(smsTemplate, INBOUND_NUMBER, null, null))
        .hasMessageContaining("Missing personalisation: name");
  }

  @Test
  void listsNotificationsWithLinksAndFindsOneByReference() throws Exception {
    String reference = UUID.randomUUID().toString();
    SendEmailResponse sent =
        testClient.sendEmail(emailTemplate, TEAM_EMAIL, Map.of("name", "a"), reference);
    testClient.sendSms(smsTemplate, INBOUND_NUMBER, Map.of("name", "b"), null);

    NotificationList all = testClient.getNotifications(null, null, null, null);
    assertThat(all.getNotifications()).hasSize(2);
    assertThat(all.getCurrentPageLink()).isEqualTo(baseUrl() + "/v2/notifications");
    String next = all.getNextPageLink().orElseThrow();
    String olderThan = next.substring(next.length() - 36);
    assertThat(testClient.getNotifications(null, null, null, olderThan).getNotifications())
        .isEmpty();

    NotificationList byReference = testClient.getNotifications(null, null, reference, null);
    assertThat(byReference.getNotifications())
        .extracting(Notification::getId)
        .containsExactly(sent.getNotificationId());

    assertThat(liveClient.getNotifications(null, null, null, null).getNotifications()).isEmpty();
    assertThat(testClient.getNotifications(null, "sms", null, null).getNotifications()).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                testClient
                        .getNotifications("delivered", "sms", null, null)
                        .getNotifications()
                        .size()
                    == 1);
    assertThat(testClient.getNotifications("failed", null, null, null).getNotifications())
        .isEmpty();
  }

  @Test
  void readsTemplatesTheirVersionsAndPreviews() throws Exception {
    Template email = testClient.getTemplateById(emailTemplate);
    assertThat(email.getId().toString()).isEqualTo(emailTemplate);
    assertThat(email.getSubject()).contains("Functional Tests are good");
    assertThat(email.getPersonalisation()).isPresent();

    Template first = testClient.getTemplateVersion(smsTemplate, 1);
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(first.getBody()).startsWith("Hey ((name))");
    assertThat(testClient.getTemplateById(smsTemplate).getVersion()).isEqualTo(2);

    TemplateList all = testClient.getAllTemplates("");
    assertThat(all.getTemplates()).hasSize(2);
    assertThat(testClient.getAllTemplates("sms").getTemplates()).hasSize(1);

    String name = UUID.randomUUID().toString();
    TemplatePreview preview =
        testClient.generateTemplatePreview(emailTemplate, Map.of("name", name));
    assertThat(preview.getId().toString()).isEqualTo(emailTemplate);
    assertThat(preview.getBody()).contains(name);
    assertThat(preview.getSubject()).contains("Functional Tests are good");
    assertThat(preview.getHtml()).hasValueSatisfying(html -> assertThat(html).contains(name));
  }

  @Test
  void readsReceivedTextMessagesPageByPage() throws Exception {
    ReceivedTextMessageList page = testClient.getReceivedTextMessages(null);
    assertThat(page.getReceivedTextMessages()).hasSize(3);
    assertThat(page.getCurrentPageLink()).isEqualTo(baseUrl() + "/v2/received-text-messages");
    ReceivedTextMessage first = page.getReceivedTextMessages().getFirst();
    assertThat(first.getUserNumber()).isEqualTo("00000000000");
    assertThat(first.getContent()).isEqualTo("This is a test message");
    assertThat(first.getServiceId()).isEqualTo(service);
    assertThat(first.getNotifyNumber()).isNotNull();
    assertThat(first.getCreatedAt()).isNotNull();
    List<ReceivedTextMessage> older =
        testClient.getReceivedTextMessages(first.getId().toString()).getReceivedTextMessages();
    assertThat(older).hasSize(2);
  }
}
