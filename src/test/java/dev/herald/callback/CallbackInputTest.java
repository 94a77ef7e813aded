package dev.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackInputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.gov.uk/callbacks",
        "HTTPS://example.gov.uk:8443/a?b=c",
        "http://localhost:8080/callback",
        "http://127.0.0.1:9000/callback"
      })
  void allowsHttpsAndPlainHttpToThisMachine(String url) {
    assertThat(CallbackInput.allowed(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.gov.uk/callbacks",
        "http://localhost.example.com/callback",
        "ftp://example.gov.uk/",
        "https:///nohost",
        "https://user:password@example.gov.uk/",
        "not a url",
        "example.gov.uk"
      })
  void refusesEverythingElse(String url) {
    assertThat(CallbackInput.allowed(url)).isFalse();
  }

  @Test
  void readsATaskInstanceBackIntoItsSubject() {
    CallbackSubject subject =
        CallbackSubject.parse("delivery_status:0190f4c5-7a3e-7cc1-9c7a-4f6f4bca1d2e:delivered");

    assertThat(subject.callbackType()).isEqualTo("delivery_status");
    assertThat(subject.notificationStatus()).isEqualTo("delivered");
    assertThat(subject.taskInstance())
        .isEqualTo("delivery_status:0190f4c5-7a3e-7cc1-9c7a-4f6f4bca1d2e:delivered");
    assertThat(
            CallbackSubject.parse("inbound_sms:0190f4c5-7a3e-7cc1-9c7a-4f6f4bca1d2e")
                .notificationStatus())
        .isNull();
  }
}
