package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.ProviderException;
import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.InboundMessage;
import dev.herald.receipt.ProviderReceipt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmppSmsProviderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final String RECIPIENT = "447700900123";
  private static final String INBOUND_NUMBER = "447700900000";

  private final SmppRecordingReceipts receipts = new SmppRecordingReceipts();
  private SmppTestSmsc smsc;
  private SmppSmsProvider provider;

  @BeforeEach
  void bind() throws Exception {
    smsc = SmppTestSmsc.start();
    provider = provider(smsc.port());
    provider.start();
    await().until(provider::isBound);
  }

  @AfterEach
  void close() throws Exception {
    provider.close();
    smsc.close();
  }

  @Test
  void submitsShortGsmTextAsOnePartWithReceiptRequested() throws Exception {
    String reference = provider.send(sms("GOVUK", "Your code is {1234}"));

    assertThat(smsc.submitted()).hasSize(1);
    SubmitSm submit = smsc.submitted().getFirst();
    assertThat(submit.getSourceAddrTon()).isEqualTo((byte) 0x05);
    assertThat(submit.getSourceAddr()).isEqualTo("GOVUK");
    assertThat(submit.getDestAddrTon()).isEqualTo((byte) 0x01);
    assertThat(submit.getDestAddrNpi()).isEqualTo((byte) 0x01);
    assertThat(submit.getDestAddress()).isEqualTo(RECIPIENT);
    assertThat(submit.getDataCoding()).isEqualTo((byte) 0x00);
    assertThat(submit.getEsmClass()).isEqualTo((byte) 0x00);
    assertThat(submit.getRegisteredDelivery()).isEqualTo((byte) 0x01);
    assertThat(SmppGsm7.decode(submit.getShortMessage(), 0, submit.getShortMessage().length))
        .isEqualTo("Your code is {1234}");
    assertThat(submit.getShortMessage()).contains(0x1B, 0x28);
    assertThat(reference).isEqualTo("7001");
  }

  @Test
  void submitsNumericSenderAsInternationalIsdn() throws Exception {
    provider.send(sms("447700900999", "Hello"));

    SubmitSm submit = smsc.submitted().getFirst();
    assertThat(submit.getSourceAddrTon()).isEqualTo((byte) 0x01);
    assertThat(submit.getSourceAddrNpi()).isEqualTo((byte) 0x01);
    assertThat(submit.getSourceAddr()).isEqualTo("447700900999");
  }

  @Test
  void splitsLongTextIntoConcatenatedPartsSharingOneReference() throws Exception {
    String text = "a".repeat(153) + "b".repeat(153) + "c".repeat(10);

    String reference = provider.send(sms("GOVUK", text));

    assertThat(smsc.submitted()).hasSize(3);
    byte ref = smsc.submitted().getFirst().getShortMessage()[3];
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      byte[] part = smsc.submitted().get(i).getShortMessage();
      assertThat(smsc.submitted().get(i).getEsmClass()).isEqualTo((byte) 0x40);
      assertThat(Arrays.copyOf(part, 6)).containsExactly(0x05, 0x00, 0x03, ref, 3, i + 1);
      joined.append(SmppGsm7.decode(part, 6, part.length));
    }
    assertThat(joined.toString()).isEqualTo(text);
    assertThat(reference).isEqualTo("7001");
  }

  @Test
  void submitsWelshTextWithCircumflexAsUcs2() throws Exception {
    provider.send(sms("GOVUK", "Mae'r ŵyn yn y cae"));

    SubmitSm submit = smsc.submitted().getFirst();
    assertThat(submit.getDataCoding()).isEqualTo((byte) 0x08);
    assertThat(new String(submit.getShortMessage(), StandardCharsets.UTF_16BE))
        .isEqualTo("Mae'r ŵyn yn y cae");
  }

  @Test
  void splitsLongWelshTextInto67CharacterParts() throws Exception {
    String text = "ŵ" + "y".repeat(70);

    provider.send(sms("GOVUK", text));

    assertThat(smsc.submitted()).hasSize(2);
    byte[] first = smsc.submitted().getFirst().getShortMessage();
    assertThat(smsc.submitted().getFirst().getDataCoding()).isEqualTo((byte) 0x08);
    assertThat(first).hasSize(6 + 67 * 2);
    assertThat(new String(first, 6, first.length - 6, StandardCharsets.UTF_16BE))
        .isEqualTo(text.substring(0, 67));
  }

  @Test
  void appliesDeliveryReceiptWithMappedStatus() throws Exception {
    String reference = provider.send(sms("GOVUK", "Hello"));

    smsc.deliver(
        RECIPIENT,
        "GOVUK",
        (byte) 0x04,
        (byte) 0x00,
        receipt(reference, "UNDELIV").getBytes(StandardCharsets.US_ASCII));

    await()
        .until(
            () ->
                receipts.applied.contains(
                    new ProviderReceipt(
                        "smpp-test", reference, NotificationStatus.PERMANENT_FAILURE, NOW)));
  }

  @Test
  void storesReceivedTextDecodedFromGsmAndUcs2() throws Exception {
    smsc.deliver(
        RECIPIENT, INBOUND_NUMBER, (byte) 0x00, (byte) 0x00, SmppGsm7.encode("STOP [now] €5"));
    smsc.deliver(
        RECIPIENT,
        INBOUND_NUMBER,
        (byte) 0x00,
        (byte) 0x08,
        "Diolch ŵ".getBytes(StandardCharsets.UTF_16BE));

    await().until(() -> receipts.received.size() == 2);
    InboundMessage first = receipts.received.getFirst();
    assertThat(first.provider()).isEqualTo("smpp-test");
    assertThat(first.destinationNumber()).isEqualTo(INBOUND_NUMBER);
    assertThat(first.sourceNumber()).isEqualTo(RECIPIENT);
    assertThat(first.content()).isEqualTo("STOP [now] €5");
    assertThat(first.receivedAt()).isEqualTo(NOW);
    assertThat(receipts.received.get(1).content()).isEqualTo("Diolch ŵ");
  }

  @Test
  void asksTheSmscToRetryWhenAReceivedTextCannotBeStored() {
    receipts.failure = new IllegalStateException("database down");

    assertThatThrownBy(
            () ->
                smsc.deliver(RECIPIENT, INBOUND_NUMBER, (byte) 0, (byte) 0, SmppGsm7.encode("Hi")))
        .isInstanceOfSatisfying(
            NegativeResponseException.class,
            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN));
  }

  @Test
  void throttlingIsRetryableAndAnInvalidDestinationIsNot() {
    smsc.refuseNextSubmitWith(SMPPConstant.STAT_ESME_RTHROTTLED);
    assertThatThrownBy(() -> provider.send(sms("GOVUK", "Hello")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());

    smsc.refuseNextSubmitWith(SMPPConstant.STAT_ESME_RINVDSTADR);
    assertThatThrownBy(() -> provider.send(sms("GOVUK", "Hello")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void bindsAgainAfterTheLinkDropsAndSendsWhatFailedMeanwhile() throws Exception {
    OutgoingSms duringOutage = sms("GOVUK", "Sent during the outage");

    smsc.dropLinkAndRefuseBinds();
    await().until(() -> !provider.isBound());
    assertThatThrownBy(() -> provider.send(duringOutage))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());

    smsc.acceptBindsAgain();
    await().until(provider::isBound);
    String reference = provider.send(duringOutage);

    assertThat(smsc.binds()).isEqualTo(2);
    assertThat(smsc.submitted()).hasSize(1);
    assertThat(smsc.submitted().getFirst().getShortMessage())
        .isEqualTo(SmppGsm7.encode("Sent during the outage"));
    assertThat(reference).isNotBlank();
  }

  @Test
  void failsAtOnceAsRetryableWhileNeverBound() throws Exception {
    SmppTestSmsc closed = SmppTestSmsc.start();
    closed.close();
    try (SmppSmsProvider unbound = provider(closed.port())) {
      unbound.start();

      assertThatThrownBy(() -> unbound.send(sms("GOVUK", "Hello")))
          .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }
  }

  private SmppSmsProvider provider(int port) {
    SmppProperties properties =
        new SmppProperties(
            "localhost",
            port,
            "herald",
            "secret",
            "",
            "smpp-test",
            false,
            Duration.ofSeconds(30),
            Duration.ofMillis(200));
    return new SmppSmsProvider(properties, receipts, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static OutgoingSms sms(String sender, String text) {
    return new OutgoingSms(UUID.randomUUID(), sender, RECIPIENT, text, false);
  }

  private static String receipt(String id, String stat) {
    return "id:"
        + id
        + " sub:001 dlvrd:000 submit date:2611241200 done date:2611241201 stat:"
        + stat
        + " err:001 text:Hello";
  }
}
