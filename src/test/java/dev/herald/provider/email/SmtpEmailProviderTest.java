package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.ProviderException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailProviderTest {

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      closeable.close();
    }
  }

  @Test
  void sendsTextAndHtmlAlternativesWithTheHeadersOfTheEmail() throws Exception {
    String reference = provider(greenMail.getSmtp().getPort()).send(anEmail());

    MimeMessage received = theOnlyMessage();
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Dienst für Bürger – Test");
    assertThat(from.getAddress()).isEqualTo("dienst@herald.test");
    assertThat(received.getHeader("From", null)).startsWith("=?UTF-8?");
    assertThat(received.getHeader("To", null)).isEqualTo("alice@example.test");
    assertThat(received.getSubject()).isEqualTo("Grüße aus Köln ✓");
    assertThat(received.getHeader("Reply-To", null)).isEqualTo("help@herald.test");
    assertThat(received.getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://service.test/unsubscribe?id=42>");
    assertThat(received.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(received.getMessageID()).isEqualTo(reference);
    assertThat(reference).matches("<[0-9a-f-]{36}@herald\\.test>");

    Multipart parts = (Multipart) received.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
    // text goes over the wire with CRLF line ends, as MIME requires
    assertThat((String) parts.getBodyPart(0).getContent())
        .isEqualToNormalizingNewlines("Hallo Jürgen\n");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Hallo Jürgen</p>");
  }

  @Test
  void leavesOutReplyToAndUnsubscribeWhenNotSet() throws Exception {
    provider(greenMail.getSmtp().getPort())
        .send(anEmail(UUID.randomUUID(), "alice@example.test", null, null));

    MimeMessage received = theOnlyMessage();
    assertThat(received.getHeader("Reply-To")).isNull();
    assertThat(received.getHeader("List-Unsubscribe")).isNull();
    assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
  }

  @Test
  void reusesTheConnectionForTheNextEmail() throws Exception {
    SmtpEmailProvider provider = provider(greenMail.getSmtp().getPort());

    provider.send(anEmail());
    provider.send(anEmail());

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(provider.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void sendsConcurrentlyOverNoMoreConnectionsThanAllowed() throws Exception {
    SmtpEmailProvider provider = provider(greenMail.getSmtp().getPort());
    List<Callable<String>> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(() -> provider.send(anEmail()));
    }

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<String> sent : executor.invokeAll(sends)) {
        assertThat(sent.get()).isNotBlank();
      }
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(20);
    assertThat(provider.connectionsOpened()).isBetween(1L, 2L);
  }

  @Test
  void failsRetryablyWhileTheServerIsDownAndReconnectsWhenItIsBack() throws Exception {
    int port = greenMail.getSmtp().getPort();
    SmtpEmailProvider provider = provider(port);
    provider.send(anEmail());

    greenMail.stop();
    ProviderException down =
        catchThrowableOfType(ProviderException.class, () -> provider.send(anEmail()));
    assertThat(down.retryable()).isTrue();

    GreenMail restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    restarted.start();
    toClose.add(restarted::stop);
    provider.send(anEmail());

    assertThat(restarted.getReceivedMessages()).hasSize(1);
    assertThat(provider.connectionsOpened()).isEqualTo(2);
  }

  @Test
  void failsRetryablyWhenNothingListens() throws Exception {
    int port;
    try (var unused = new java.net.ServerSocket(0)) {
      port = unused.getLocalPort();
    }

    ProviderException failure =
        catchThrowableOfType(ProviderException.class, () -> provider(port).send(anEmail()));

    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void failsForGoodWhenTheServerRefusesTheRecipientPermanently() throws Exception {
    var server = new RefusingSmtpServer("550 5.1.1 <alice@example.test>: user unknown");
    toClose.add(server);

    ProviderException failure =
        catchThrowableOfType(
            ProviderException.class, () -> provider(server.port()).send(anEmail()));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).contains("550 5.1.1").doesNotContain("alice");
    assertThat(failure.getCause()).isNull();
  }

  @Test
  void failsRetryablyWhenTheServerRefusesTheRecipientForNow() throws Exception {
    var server = new RefusingSmtpServer("451 4.7.1 <alice@example.test>: greylisted, try later");
    toClose.add(server);

    ProviderException failure =
        catchThrowableOfType(
            ProviderException.class, () -> provider(server.port()).send(anEmail()));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("451 4.7.1").doesNotContain("alice");
  }

  @Test
  void answersBusyAndNotSentWhenEveryConnectionStaysInUse() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    var server = new RefusingSmtpServer("250 OK", release);
    toClose.add(server);
    var properties =
        new SmtpProperties(
            "127.0.0.1", server.port(), null, null, false, Duration.ofMillis(500), 1, true);
    var provider = new SmtpEmailProvider(properties, Clock.systemUTC());
    toClose.add(provider);
    var sender = Executors.newSingleThreadExecutor();
    toClose.add(sender::shutdownNow);
    Future<String> first = sender.submit(() -> provider.send(anEmail()));
    await().atMost(Duration.ofSeconds(10)).until(server::held, held -> held == 1);

    ProviderException busy =
        catchThrowableOfType(ProviderException.class, () -> provider.send(anEmail()));
    release.countDown();

    assertThat(busy.notSent()).as("back pressure: never handed over").isTrue();
    assertThat(busy.retryable()).isTrue();
    assertThat(busy.getMessage()).isEqualTo("All SMTP connections stayed busy");
    assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void takesMailboxFullInReplyToRcptAsTemporary() throws Exception {
    var server = new RefusingSmtpServer("552 5.2.2 mailbox full");
    toClose.add(server);

    ProviderException failure =
        catchThrowableOfType(
            ProviderException.class, () -> provider(server.port()).send(anEmail()));

    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void failsForGoodOnAnInvalidRecipientWithoutNamingIt() throws Exception {
    ProviderException failure =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                provider(greenMail.getSmtp().getPort())
                    .send(anEmail(UUID.randomUUID(), "alice at example", null, null)));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).contains("To is not a valid").doesNotContain("alice");
  }

  @Test
  void failsForGoodOnAnUnsubscribeLinkThatWouldBreakTheHeader() throws Exception {
    ProviderException failure =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                provider(greenMail.getSmtp().getPort())
                    .send(
                        anEmail(
                            UUID.randomUUID(),
                            "alice@example.test",
                            null,
                            "https://x.test/\r\nBcc: eve@example.test")));

    assertThat(failure.retryable()).isFalse();
  }

  private SmtpEmailProvider provider(int port) {
    var properties =
        new SmtpProperties("127.0.0.1", port, null, null, false, Duration.ofSeconds(5), 2, true);
    var provider = new SmtpEmailProvider(properties, Clock.systemUTC());
    toClose.add(provider);
    return provider;
  }

  private MimeMessage theOnlyMessage() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static OutgoingEmail anEmail() {
    return anEmail(
        UUID.randomUUID(),
        "alice@example.test",
        "help@herald.test",
        "https://service.test/unsubscribe?id=42");
  }

  private static OutgoingEmail anEmail(UUID id, String to, String replyTo, String unsubscribeUrl) {
    return new OutgoingEmail(
        id,
        "Dienst für Bürger – Test",
        "dienst@herald.test",
        to,
        "Grüße aus Köln ✓",
        "<p>Hallo Jürgen</p>",
        "Hallo Jürgen\n",
        replyTo,
        unsubscribeUrl);
  }
}
