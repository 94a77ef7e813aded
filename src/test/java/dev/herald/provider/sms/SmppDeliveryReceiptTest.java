package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.NotificationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmppDeliveryReceiptTest {

  @ParameterizedTest
  @CsvSource({
    "DELIVRD, DELIVERED",
    "ACCEPTD, PENDING",
    "ENROUTE, PENDING",
    "EXPIRED, TEMPORARY_FAILURE",
    "UNDELIV, PERMANENT_FAILURE",
    "REJECTD, PERMANENT_FAILURE",
    "DELETED, TECHNICAL_FAILURE",
    "UNKNOWN, TECHNICAL_FAILURE",
    "SOMETHING, TECHNICAL_FAILURE"
  })
  void mapsStateToNotifyStatus(String stat, NotificationStatus status) {
    String text =
        "id:0A1B2C sub:001 dlvrd:001 submit date:2611241200 done date:2611241201 stat:"
            + stat
            + " err:000 text:Hello";

    SmppDeliveryReceipt receipt = SmppDeliveryReceipt.parse(text).orElseThrow();

    assertThat(receipt.messageId()).isEqualTo("0A1B2C");
    assertThat(receipt.status()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"sub:001 stat:DELIVRD", "id:123 sub:001", "Hello"})
  void ignoresTextWithoutIdOrState(String text) {
    assertThat(SmppDeliveryReceipt.parse(text)).isEmpty();
  }
}
