package dev.herald.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.RetentionPeriodDuration;
import uk.gov.service.notify.SendEmailResponse;

/** Send a file by email with the official client's prepareUpload, then download it. */
class SendAFileIT extends ApiIT {

  private static final byte[] PDF =
      "%PDF-1.4 a small test file".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/d/[^\\s)]+)");

  @Autowired JdbcClient jdbc;

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

  private static final String SUPPORTED =
      "Supported types are: '.csv', '.doc', '.docx', '.jpeg', '.jpg', '.json', '.odt', '.pdf',"
          + " '.png', '.rtf', '.txt', '.xlsx'";

  private Http.Response sendFile(Map<String, Object> file) {
    String body =
        Http.json(
            Map.of(
                "template_id",
                template,
                "email_address",
                "someone@example.gov.uk",
                "personalisation",
                Map.of("link", file)));
    return http.send("POST", "/v2/notifications/email", Tokens.bearer(key), body);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private Http.Response download(byte[] content, String filename) throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "someone@example.gov.uk",
            Map.of(
                "link",
                NotificationClient.prepareUpload(
                    content, filename, false, new RetentionPeriodDuration(1, ChronoUnit.WEEKS))),
            null);
    return http.send("GET", pathOf(sent), null, null);
  }

  private static void assertServedAsAttachment(Http.Response download, String encodedName) {
    HttpHeaders headers = download.raw().headers();
    assertThat(headers.firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"")
        .endsWith("; filename*=UTF-8''" + encodedName);
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; sandbox");
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void servesANameOutsideLatin1AsAnAttachmentWithItsUtf8Name() throws Exception {
    Http.Response pdf = download(PDF, "отчёт.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.raw().headers().firstValue("Content-Type")).contains("application/pdf");
    assertServedAsAttachment(pdf, "%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf");

    Http.Response txt = download("plain words".getBytes(StandardCharsets.UTF_8), "report€.txt");
    assertThat(txt.status()).isEqualTo(200);
    assertThat(txt.body()).isEqualTo("plain words");
    assertThat(txt.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertServedAsAttachment(txt, "report%E2%82%AC.txt");
  }

  @Test
  void takesTheExtensionInAnyCase() throws Exception {
    Http.Response pdf = download(PDF, "REPORT.PDF");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.raw().headers().firstValue("Content-Type")).contains("application/pdf");
    assertServedAsAttachment(pdf, "REPORT.PDF");
  }

  @Test
  void refusesFileTypesNotifyRefusesByName() {
    for (String extension : List.of("html", "svg", "HTM", "xhtml")) {
      Http.Response r =
          sendFile(Map.of("file", base64("<svg onload=alert(1)>"), "filename", "a." + extension));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("error").asString())
          .isEqualTo("BadRequestError");
      assertThat(r.json().get("errors").get(0).get("message").asString())
          .isEqualTo("Unsupported file type '." + extension + "'. " + SUPPORTED);
    }
  }

  @Test
  void refusesMarkupSentWithoutAName() {
    Map<String, String> expected =
        Map.of(
            "<!DOCTYPE html><html><script>alert(1)</script></html>", "text/html",
            "  <html><body onload=alert(1)>", "text/html",
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml");
    expected.forEach(
        (content, type) -> {
          Http.Response r = sendFile(Map.of("file", base64(content)));
          assertThat(r.status()).isEqualTo(400);
          assertThat(r.json().get("errors").get(0).get("error").asString())
              .isEqualTo("BadRequestError");
          assertThat(r.json().get("errors").get(0).get("message").asString())
              .isEqualTo("Unsupported file type '" + type + "'. " + SUPPORTED);
        });
  }

  @Test
  void decidesTheTypeOfAFileWithoutANameFromItsContent() throws Exception {
    assertThat(download(PDF, null).raw().headers().firstValue("Content-Type"))
        .contains("application/pdf");
    Http.Response text = download("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), null);
    assertThat(text.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertServedAsAttachment(text, "file.txt");
  }

  @Test
  void refusesAFilenameLongerThan100Characters() {
    Http.Response r = sendFile(Map.of("file", "JVBERi0=", "filename", "a".repeat(97) + ".pdf"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("error").asString()).isEqualTo("BadRequestError");
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo("`filename` cannot be longer than 100 characters");
    assertThat(sendFile(Map.of("file", "JVBERi0=", "filename", "a".repeat(96) + ".pdf")).status())
        .isEqualTo(201);
  }

  @Test
  void servesADocumentStoredWithAnotherTypeAsAnOpaqueDownload() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "someone@example.gov.uk",
            Map.of(
                "link",
                NotificationClient.prepareUpload(
                    PDF, "report.pdf", false, new RetentionPeriodDuration(1, ChronoUnit.WEEKS))),
            null);
    String path = pathOf(sent);
    UUID id = UUID.fromString(path.replaceAll("^/d/[^/]+/([^?]+)\\?.*$", "$1"));
    jdbc.sql("UPDATE documents SET mimetype = 'text/html', filename = 'x.html' WHERE id = :id")
        .param("id", id)
        .update();

    Http.Response download = http.send("GET", path, null, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw().headers().firstValue("Content-Type"))
        .contains("application/octet-stream");
    assertServedAsAttachment(download, "x.html");
  }

  @Test
  void theDownloadPagesAllowNothingButTheirForm() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            template,
            "someone@example.gov.uk",
            Map.of("link", NotificationClient.prepareUpload(PDF)),
            null);
    String path = pathOf(sent);
    String policy =
        "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    Http.Response form = http.send("GET", path, null, null);
    assertThat(form.body()).contains("Confirm your email address");
    assertThat(form.raw().headers().firstValue("Content-Security-Policy")).contains(policy);
    Http.Response refused =
        http.send(
            "POST",
            path,
            null,
            "email_address=other%40example.gov.uk",
            "application/x-www-form-urlencoded");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.raw().headers().firstValue("Content-Security-Policy")).contains(policy);
    Http.Response gone =
        http.send("GET", "/d/" + service + "/" + UUID.randomUUID() + "?key=x", null, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).contains("This file is not available");
    assertThat(gone.raw().headers().firstValue("Content-Security-Policy")).contains(policy);
    assertThat(gone.raw().headers().firstValue("Referrer-Policy")).contains("no-referrer");
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
