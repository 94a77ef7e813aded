package dev.herald.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.provider.sms.SmppSmsProvider;
import dev.herald.provider.sms.SmppTestSmsc;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.ReceivedTextJourney;
import dev.herald.testdata.Tokens;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline against real peers: the v2 API, the queue and the workers, SMTP to GreenMail
 * and SMPP to a test SMSC, including their outages, receipts, and received texts as far as the
 * service's callback.
 */
@DirtiesContext // the peers stop after this class, so its context must not be reused
class ProviderPipelineIT extends ApiIT {

  private static final int SMTP_PORT = freePort();
  private static final SmppTestSmsc SMSC = startSmsc();
  private static volatile GreenMail greenMail = startGreenMail();
  private static final AtomicInteger NUMBERS = new AtomicInteger(100);

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    registry.add("herald.smtp.host", () -> "127.0.0.1");
    registry.add("herald.smtp.port", () -> SMTP_PORT);
    registry.add("herald.smtp.timeout", () -> "PT2S");
    registry.add("herald.smpp.host", () -> "127.0.0.1");
    registry.add("herald.smpp.port", SMSC::port);
    registry.add("herald.smpp.system-id", () -> "herald");
    registry.add("herald.smpp.password", () -> "secret");
    registry.add("herald.smpp.reconnect-max-backoff", () -> "PT0.2S");
  }

  /** Brings back whichever peer a failed test left down, so the next test finds both up. */
  @AfterEach
  void peersUp() {
    SMSC.acceptBindsAgain();
    SMSC.sendReceiptsAtOnce(null);
    if (!greenMail.isRunning()) {
      greenMail = startGreenMail();
    }
  }

  @AfterAll
  static void stopPeers() throws IOException {
    greenMail.stop();
    SMSC.close();
  }

  @Autowired JdbcClient jdbc;
  @Autowired SmppSmsProvider smpp;

  private UUID service;
  private String liveKey;
  private UUID smsTemplate;
  private UUID emailTemplate;

  @BeforeEach
  void aLiveService() {
    service = herald.liveService();
    liveKey = herald.key(service, "normal");
    smsTemplate = herald.template(service, "sms", null, "Hello ((name))");
    emailTemplate = herald.template(service, "email", "Subject for ((name))", "Hello ((name))");
    await().atMost(Duration.ofSeconds(10)).until(smpp::isBound);
  }

  @Test
  void anEmailArrivesFromTheServiceAndSmtpAcceptanceCountsAsDelivered() throws Exception {
    String address = uniqueAddress();

    String id = sendEmail(liveKey, address);

    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(liveKey, id).equals("delivered"));
    List<MimeMessage> mails = mailsTo(address);
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.getFirst();
    assertThat(mail.getSubject()).isEqualTo("Subject for Ada");
    assertThat(GreenMailUtil.getBody(mail)).contains("Hello Ada");
    String serviceName =
        herald.adminOk("GET", "/admin/services/" + service, null).get("name").asString();
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo(serviceName);
  }

  @Test
  void anEmailSentWhileTheSmtpServerIsDownArrivesOnceAfterItComesBack() throws Exception {
    String address = uniqueAddress();
    greenMail.stop();

    String id = sendEmail(liveKey, address);

    await().atMost(Duration.ofSeconds(10)).until(() -> deliveryFailures(id) >= 1);
    assertThat(statusOf(liveKey, id)).isEqualTo("created");
    greenMail = startGreenMail();
    await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(liveKey, id).equals("delivered"));
    assertThat(mailsTo(address)).hasSize(1);
    assertThat(mailsTo(address).getFirst().getSubject()).isEqualTo("Subject for Ada");
  }

  @Test
  void aTextGoesToTheSmscAndItsReceiptDeliversItOnceForAll() throws Exception {
    String phone = uniquePhone();

    String id = sendSms(liveKey, smsTemplate, phone);

    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(liveKey, id).equals("sending"));
    SubmitSm submit = onlySubmitTo(phone);
    assertThat(submit.getDestAddress()).isEqualTo(e164(phone));
    assertThat(gsmText(submit.getShortMessage(), 0)).endsWith("Hello Ada");
    String messageId = SMSC.messageIdOf(submit);

    receipt(submit, messageId, "DELIVRD");
    await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(liveKey, id).equals("delivered"));
    JsonNode delivered = notification(liveKey, id);

    receipt(submit, messageId, "DELIVRD");
    receipt(submit, messageId, "UNDELIV");
    JsonNode after = notification(liveKey, id);
    assertThat(after.get("status").asString()).isEqualTo("delivered");
    assertThat(after.get("completed_at")).isEqualTo(delivered.get("completed_at"));
  }

  @Test
  void aReceiptSentTheMomentTheSmscTakesATextStillCounts() {
    String phone = uniquePhone();
    SMSC.sendReceiptsAtOnce("DELIVRD");

    String id = sendSms(liveKey, smsTemplate, phone);

    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(liveKey, id).equals("delivered"));
    assertThat(submitsTo(phone)).hasSize(1);
  }

  @Test
  void aLongTextGoesInConcatenatedPartsAndWelshAsUcs2() {
    String longPhone = uniquePhone();
    String welshPhone = uniquePhone();
    String longBody = "Long " + "x".repeat(200) + " end";
    UUID longTemplate = herald.template(service, "sms", null, longBody);
    UUID welshTemplate = herald.template(service, "sms", null, "Mae'r ŵyn yn y cae");

    String longId = sendSms(liveKey, longTemplate, longPhone);
    String welshId = sendSms(liveKey, welshTemplate, welshPhone);

    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(liveKey, longId).equals("sending"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(liveKey, welshId).equals("sending"));
    List<SubmitSm> parts = submitsTo(longPhone);
    assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      byte[] part = parts.get(i).getShortMessage();
      assertThat(parts.get(i).getEsmClass()).isEqualTo((byte) 0x40);
      assertThat(Arrays.copyOf(part, 6))
          .containsExactly(
              0x05, 0x00, 0x03, parts.getFirst().getShortMessage()[3], parts.size(), i + 1);
      joined.append(gsmText(part, 6));
    }
    assertThat(joined.toString()).endsWith(longBody);
    SubmitSm welsh = onlySubmitTo(welshPhone);
    assertThat(welsh.getDataCoding()).isEqualTo((byte) 0x08);
    assertThat(new String(welsh.getShortMessage(), StandardCharsets.UTF_16BE))
        .endsWith("Mae'r ŵyn yn y cae");
  }

  @Test
  void aTextFromTheSmscGoesAllTheWayToTheServicesCallback() throws Exception {
    Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
    clock.set(received);
    try (ReceivedTextJourney journey = new ReceivedTextJourney(herald, jdbc, service)) {

      SMSC.deliver(
          "447700900123",
          journey.number(),
          (byte) 0x00,
          (byte) 0x00,
          "STOP".getBytes(StandardCharsets.US_ASCII));

      journey.assertArrived("smpp", "447700900123", "STOP", received);
    }
  }

  @Test
  void textsSentWhileTheSmppLinkIsDownAreSubmittedOnceWhenItIsBack() {
    int bindsBefore = SMSC.binds();
    List<String> phones = List.of(uniquePhone(), uniquePhone(), uniquePhone());
    SMSC.dropLinkAndRefuseBinds();
    await().atMost(Duration.ofSeconds(5)).until(() -> !smpp.isBound());

    List<String> ids = phones.stream().map(p -> sendSms(liveKey, smsTemplate, p)).toList();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ids.stream().allMatch(id -> deliveryFailures(id) >= 1));
    assertThat(ids).allSatisfy(id -> assertThat(statusOf(liveKey, id)).isEqualTo("created"));
    assertThat(phones).allSatisfy(p -> assertThat(submitsTo(p)).isEmpty());
    SMSC.acceptBindsAgain();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> ids.stream().allMatch(id -> statusOf(liveKey, id).equals("sending")));
    assertThat(phones).allSatisfy(p -> assertThat(submitsTo(p)).hasSize(1));
    assertThat(SMSC.binds()).isGreaterThan(bindsBefore);
  }

  @Test
  void testKeysReachNeitherTheSmscNorTheMailServer() {
    String testKey = herald.key(service, "test");
    String phone = uniquePhone();
    String address = uniqueAddress();

    String smsId = sendSms(testKey, smsTemplate, phone);
    String emailId = sendEmail(testKey, address);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(testKey, smsId).equals("delivered"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(testKey, emailId).equals("delivered"));
    assertThat(submitsTo(phone)).isEmpty();
    assertThat(mailsTo(address)).isEmpty();
  }

  private String sendSms(String key, UUID template, String phone) {
    return send(
        key,
        "sms",
        Map.of(
            "template_id", template.toString(),
            "phone_number", phone,
            "personalisation", Map.of("name", "Ada")));
  }

  private String sendEmail(String key, String address) {
    return send(
        key,
        "email",
        Map.of(
            "template_id", emailTemplate.toString(),
            "email_address", address,
            "personalisation", Map.of("name", "Ada")));
  }

  private String send(String key, String type, Map<String, Object> body) {
    Http.Response r =
        http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private JsonNode notification(String key, String id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
  }

  private String statusOf(String key, String id) {
    return notification(key, id).get("status").asString();
  }

  /** Failed attempts to deliver the notification so far; 0 once it has left the queue. */
  private int deliveryFailures(String id) {
    return jdbc.sql(
            """
            SELECT attempts FROM delivery_queue WHERE notification_id = CAST(:id AS uuid)
            """)
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** Sends a delivery receipt (esm_class 0x04) for the message, as the SMSC would. */
  private static void receipt(SubmitSm submit, String messageId, String stat) throws Exception {
    String text =
        "id:%s sub:001 dlvrd:001 submit date:2611241200 done date:2611241201 stat:%s err:000 text:Hello"
            .formatted(messageId, stat);
    SMSC.deliver(
        submit.getDestAddress(),
        submit.getSourceAddr(),
        (byte) 0x04,
        (byte) 0x00,
        text.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<SubmitSm> submitsTo(String phone) {
    return SMSC.submitted().stream().filter(s -> s.getDestAddress().equals(e164(phone))).toList();
  }

  private static SubmitSm onlySubmitTo(String phone) {
    List<SubmitSm> submits = submitsTo(phone);
    assertThat(submits).hasSize(1);
    return submits.getFirst();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // Letters, digits, space and most punctuation have the same codes in GSM 03.38 and ASCII.
  private static String gsmText(byte[] septets, int from) {
    return new String(septets, from, septets.length - from, StandardCharsets.US_ASCII);
  }

  private static String uniquePhone() {
    return "07700900" + NUMBERS.incrementAndGet();
  }

  private static String e164(String ukMobile) {
    return "44" + ukMobile.substring(1);
  }

  private static String uniqueAddress() {
    return "someone-" + UUID.randomUUID() + "@example.gov.uk";
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SmppTestSmsc startSmsc() {
    try {
      return SmppTestSmsc.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GreenMail startGreenMail() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    server.start();
    return server;
  }
}
