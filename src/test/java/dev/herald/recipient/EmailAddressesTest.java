package dev.herald.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from notifications-utils {@code tests/recipient_validation/test_email_address.py}. */
class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "email@domain.com",
        "email@domain.COM",
        "firstname.lastname@domain.com",
        "firstname.o'lastname@domain.com",
        "email@subdomain.domain.com",
        "firstname+lastname@domain.com",
        "1234567890@domain.com",
        "email@domain-one.com",
        "_______@domain.com",
        "email@domain.name",
        "email@domain.superlongtld",
        "email@domain.co.jp",
        "firstname-lastname@domain.com",
        "info@german-financial-services.vermögensberatung",
        "info@german-financial-services.reallylongarbitrarytldthatiswaytoohugejustincase",
        "japanese-info@例え.テスト",
        "email@double--hyphen.com",
        "Mixed.Case@Example.GOV.UK",
      })
  void acceptsValidAddressesUnchanged(String address) {
    assertThat(EmailAddresses.validate(address)).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " email@domain.com ",
        "\temail@domain.com",
        "\temail@domain.com\n",
        "\u200bemail@domain.com\u200b",
        "email@\u00a0domain.com",
      })
  void stripsObscureAndSurroundingWhitespace(String address) {
    assertThat(EmailAddresses.validate(address)).isEqualTo("email@domain.com");
  }

  @ParameterizedTest
  @MethodSource("invalidAddresses")
  void refusesInvalidAddresses(String address) {
    assertThatThrownBy(() -> EmailAddresses.validate(address))
        .isInstanceOf(InvalidRecipientException.class)
        .hasMessage("Not a valid email address");
  }

  static Stream<String> invalidAddresses() {
    return Stream.of(
        "email@123.123.123.123",
        "email@[123.123.123.123]",
        "plainaddress",
        "@no-local-part.com",
        "Outlook Contact <outlook-contact@domain.com>",
        "no-at.domain.com",
        "no-tld@domain",
        ";beginning-semicolon@domain.co.uk",
        "middle-semicolon@domain.co;uk",
        "trailing-semicolon@domain.com;",
        "\"email+leading-quotes@domain.com",
        "email+middle\"-quotes@domain.com",
        "\"quoted-local-part\"@domain.com",
        "\"quoted@domain.com\"",
        "lots-of-dots@domain..gov..uk",
        "two-dots..in-local@domain.com",
        "multiple@domains@domain.com",
        "spaces in local@domain.com",
        "spaces-in-domain@dom ain.com",
        "underscores-in-domain@dom_ain.com",
        "pipe-in-domain@example.com|gov.uk",
        "comma,in-local@gov.uk",
        "comma-in-domain@domain,gov.uk",
        "pound-sign-in-local£@domain.com",
        "local-with-’-apostrophe@domain.com",
        "local-with-”-quotes@domain.com",
        "domain-starts-with-a-dot@.domain.com",
        "brackets(in)local@domain.com",
        "email-too-long-" + "a".repeat(320) + "@example.com",
        "incorrect-punycode@xn---something.com",
        "trailing-dot@domain.com.",
        "label-too-long@" + "a".repeat(64) + ".com",
        "host-too-long@" + "abcdefghi.".repeat(26) + "com",
        "",
        "   ");
  }

  @Test
  void acceptsAddressesExactlyAtTheLengthLimits() {
    String longestLabel = "a".repeat(63) + ".com";
    String longestHost = "abcdefghi.".repeat(25) + "com";
    String longestAddress =
        "a".repeat(66)
            + "@"
            + "b".repeat(63)
            + "."
            + "c".repeat(63)
            + "."
            + "d".repeat(63)
            + "."
            + "e".repeat(57)
            + ".com";

    assertThat(EmailAddresses.validate("x@" + longestLabel)).endsWith(longestLabel);
    assertThat(EmailAddresses.validate("x@" + longestHost)).endsWith(longestHost);
    assertThat(longestAddress).hasSize(320);
    assertThat(EmailAddresses.validate(longestAddress)).isEqualTo(longestAddress);
    assertThatThrownBy(() -> EmailAddresses.validate("a" + longestAddress))
        .isInstanceOf(InvalidRecipientException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Test@Example.COM", " test@example.com "})
  void normalisesToLowerCaseForComparison(String address) {
    assertThat(EmailAddresses.normalise(address)).isEqualTo("test@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simulate-delivered@notifications.service.gov.uk",
        "simulate-delivered-2@notifications.service.gov.uk",
        "Simulate-Delivered-3@Notifications.Service.Gov.UK",
      })
  void recognisesSmokeTestAddresses(String address) {
    assertThat(EmailAddresses.isSmokeTestAddress(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simulate-delivered-4@notifications.service.gov.uk",
        "someone@notifications.service.gov.uk"
      })
  void doesNotTreatOtherAddressesAsSmokeTests(String address) {
    assertThat(EmailAddresses.isSmokeTestAddress(address)).isFalse();
  }
}
