package dev.herald.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.RetentionPeriodDuration;
import uk.gov.service.notify.SendEmailResponse;

/** Send a file by email with the official client's prepareUpload, then download it. */
class SendAFileIT extends ApiIT {

  private static final byte[] PDF =
      "%PDF-1.4 a small test file".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/d/[^\\s)]+)");

  private UUID service;
  private String key;
  private String template;
  private NotificationClient client;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "email", "Your file", "Download it: ((link))").toString();
    client = new NotificationClient(key, baseUrl());
  }

  private String pathOf(SendEmailResponse sent) {
    Matcher m = LINK.matcher(sent.getBody());
    assertThat(m.find()).as(sent.getBody()).isTrue();
    return m.group(1);
  }

  @Test
  void storesTheFileAndServesItFromTheLinkInTheEmail() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "someone@example.gov.uk",
            Map.of(
                "link",
                NotificationClient.prepareUpload(
                    PDF, "report.pdf", false, new RetentionPeriodDuration(1, ChronoUnit.WEEKS))),
            null);

    Http.Response download = http.send("GET", pathOf(sent), null, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
    assertThat(download.raw().headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow())
        .contains("report.pdf");
  }

  @Test
  void asksForTheRecipientsAddressBeforeDownloadByDefault() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "Someone@Example.gov.uk",
            Map.of("link", NotificationClient.prepareUpload(PDF)),
            null);
    String path = pathOf(sent);

    Http.Response form = http.send("GET", path, null, null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Confirm your email address");
    assertThat(
            http.send(
                    "POST",
                    path,
                    null,
                    "email_address=other%40example.gov.uk",
                    "application/x-www-form-urlencoded")
                .status())
        .isEqualTo(403);
    Http.Response file =
        http.send(
            "POST",
            path,
            null,
            "email_address=someone%40example.gov.uk",
            "application/x-www-form-urlencoded");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
  }

  @Test
  void refusesALinkWithTheWrongKey() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "someone@example.gov.uk",
            Map.of(
                "link",
                NotificationClient.prepareUpload(
                    PDF, "report.pdf", false, new RetentionPeriodDuration(1, ChronoUnit.WEEKS))),
            null);
    String path =
        pathOf(sent).replaceAll("key=.*", "key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(http.send("GET", path, null, null).status()).isEqualTo(404);
  }

  @Test
  void needsTheServicesContactLink() {
    UUID noContact = herald.liveServiceWith("email");
    NotificationClient other = new NotificationClient(herald.key(noContact, "normal"), baseUrl());
    String otherTemplate = herald.template(noContact, "email", "S", "((link))").toString();
    assertThatThrownBy(
            () ->
                other.sendEmail(
                    otherTemplate,
                    "someone@example.gov.uk",
                    Map.of("link", NotificationClient.prepareUpload(PDF)),
                    null))
        .hasMessageContaining(
            "Send files by email has not been set up - add contact details for your service at "
                + baseUrl()
                + "/services/"
                + noContact
                + "/service-settings/send-files-by-email");
  }

  @Test
  void reportsBadFileOptionsInNotifysWords() {
    String body =
        Http.json(
            Map.of(
                "template_id",
                template,
                "email_address",
                "someone@example.gov.uk",
                "personalisation",
                Map.of("link", Map.of("file", "JVBERi0=", "retention_period", "9999 weeks"))));
    Http.Response r = http.send("POST", "/v2/notifications/email", Tokens.bearer(key), body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo(
            "retention_period Unsupported value for retention_period: 9999 weeks. Supported periods are from 1 to 78 weeks.");
  }

  @Test
  void sendsFilesOnlyByEmail() {
    String sms = herald.template(service, "sms", null, "((link))").toString();
    String body =
        Http.json(
            Map.of(
                "template_id",
                sms,
                "phone_number",
                "07700900123",
                "personalisation",
                Map.of("link", Map.of("file", "JVBERi0="))));
    Http.Response r = http.send("POST", "/v2/notifications/sms", Tokens.bearer(key), body);
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo("Can only send a file by email");
  }
}
