package dev.herald.antivirus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.Clamd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class AntivirusConfigurationTest {

  @RegisterExtension static final Clamd clamd = new Clamd(1024 * 1024);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(AntivirusConfiguration.class);

  private static ApplicationContextRunner withEnvironment(
      ApplicationContextRunner runner, Map<String, Object> variables) {
    return runner.withInitializer(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
  }

  @Test
  void offersNoScannerWithoutAnAddressAndSaysSoAtStart(CapturedOutput output) {
    runner
        .withPropertyValues("herald.clamd-address=")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VirusScanner.class));

    assertThat(output).containsOnlyOnce(ScannerStartCheck.NONE);
  }

  @Test
  void scansWithTheClamdThatHeraldClamdAddressNamesAndSaysItAnswered(CapturedOutput output) {
    withEnvironment(
            runner,
            Map.of("HERALD_CLAMD_ADDRESS", clamd.unixAddress(), "HERALD_CLAMD_READ_TIMEOUT", "5s"))
        .run(
            context -> {
              VirusScanner scanner = context.getBean(VirusScanner.class);
              assertThat(scanner.scan(Clamd.eicar()))
                  .isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
              await()
                  .atMost(Duration.ofSeconds(5))
                  .untilAsserted(
                      () ->
                          assertThat(output)
                              .contains(
                                  "Virus scanner: clamd at "
                                      + clamd.unixAddress()
                                      + " answered PING"));
            });

    assertThat(output).doesNotContain(ScannerStartCheck.NONE);
  }

  @Test
  void bindsTheTimeouts() {
    withEnvironment(
            runner,
            Map.of(
                "HERALD_CLAMD_ADDRESS", clamd.tcpAddress(),
                "HERALD_CLAMD_CONNECT_TIMEOUT", "500ms",
                "HERALD_CLAMD_READ_TIMEOUT", "5s"))
        .run(
            context ->
                assertThat(context.getBean(ClamdProperties.class))
                    .isEqualTo(
                        new ClamdProperties(
                            clamd.tcpAddress(), Duration.ofMillis(500), Duration.ofSeconds(5))));
    runner.run(
        context ->
            assertThat(context.getBean(ClamdProperties.class))
                .isEqualTo(
                    new ClamdProperties(null, Duration.ofSeconds(2), Duration.ofSeconds(30))));
  }

  @Test
  void startsWhenClamdIsDownAndSaysScansWillBeRetried(CapturedOutput output) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    runner
        .withPropertyValues("herald.clamd-address=127.0.0.1:" + closedPort)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(VirusScanner.class);
              await()
                  .atMost(Duration.ofSeconds(5))
                  .untilAsserted(
                      () ->
                          assertThat(output)
                              .contains(
                                  "Virus scanner did not answer PING at start: clamd at 127.0.0.1:"
                                      + closedPort
                                      + ": Connection refused; scans will be retried"));
            });
  }

  @Test
  void refusesToStartWithAnAddressThatIsNeitherHostAndPortNorAUnixSocket() {
    runner
        .withPropertyValues("herald.clamd-address=/run/clamav/clamd.ctl")
        .run(context -> assertThat(context).hasFailed());
  }
}
