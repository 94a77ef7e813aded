package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.print.PrintProvider;
import dev.herald.print.PrintReceipts;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class SftpPrintConfigurationTest {

  private static final String KEY = "printer.example " + generatedKey();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(SftpPrintConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC)
          .withBean(PrintReceipts.class, RecordingPrintReceipts::new);

  @Test
  void isOffWithoutAHost() {
    runner.run(context -> assertThat(context).doesNotHaveBean(PrintProvider.class));
    runner
        .withPropertyValues("herald.print.sftp.host=")
        .run(context -> assertThat(context).doesNotHaveBean(PrintProvider.class));
  }

  @Test
  void offersTheProviderWithItsSettingsAndDefaults() {
    runner
        .withPropertyValues(
            "herald.print.sftp.host=printer.example",
            "herald.print.sftp.username=herald",
            "herald.print.sftp.password=secret",
            "herald.print.sftp.known-host-key=" + KEY)
        .run(
            context -> {
              PrintProvider provider = context.getBean(PrintProvider.class);
              assertThat(provider.name()).isEqualTo("sftp");
              assertThat(provider.maxBatchLetters()).isEqualTo(500);
              SftpPrintProperties properties = context.getBean(SftpPrintProperties.class);
              assertThat(properties.port()).isEqualTo(22);
              assertThat(properties.batchDirectory()).isEqualTo("/print");
              assertThat(properties.receiptDirectory()).isEqualTo("/receipts");
              assertThat(properties.receiptPollInterval()).isEqualTo(Duration.ofMinutes(5));
              assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(60));
              assertThat(properties.maxBytesPerZip()).isEqualTo(DataSize.ofMegabytes(40));
              assertThat(properties.maxSessions()).isEqualTo(4);
              assertThat(properties.toString()).doesNotContain("secret");
            });
  }

  @Test
  void refusesToStartWithoutTheServersHostKey() {
    runner
        .withPropertyValues(
            "herald.print.sftp.host=printer.example", "herald.print.sftp.password=secret")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("HERALD_PRINT_SFTP_KNOWN_HOST_KEY is not set"));
  }

  @Test
  void refusesToStartWithAHostKeyItCannotRead() {
    runner
        .withPropertyValues(
            "herald.print.sftp.host=printer.example",
            "herald.print.sftp.password=secret",
            "herald.print.sftp.known-host-key=printer.example ssh-ed25519 AAAAnotakey")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("HERALD_PRINT_SFTP_KNOWN_HOST_KEY: unreadable key"));
  }

  @Test
  void refusesToStartWithoutAPasswordOrKey() {
    runner
        .withPropertyValues(
            "herald.print.sftp.host=printer.example", "herald.print.sftp.known-host-key=" + KEY)
        .run(context -> assertThat(context).hasFailed());
  }

  private static String generatedKey() {
    try {
      return PublicKeyEntry.toString(
          KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
