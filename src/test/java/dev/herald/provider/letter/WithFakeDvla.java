package dev.herald.provider.letter;

import dev.herald.testdata.ApiIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Herald with the print API in DVLA's shape as its printer, served in the test JVM; one for every
 * test class, so they share one application.
 */
abstract class WithFakeDvla extends ApiIT {

  static final FakeDvla DVLA = start();

  @DynamicPropertySource
  static void dvla(DynamicPropertyRegistry registry) {
    registry.add("herald.print.dvla.url", () -> DVLA.url().toString());
    registry.add("herald.print.dvla.username", () -> "herald");
    registry.add("herald.print.dvla.password", () -> "secret");
    registry.add("herald.print.dvla.api-key", () -> "api-key");
    registry.add("herald.print.dvla.callback-url", () -> "https://herald.example");
  }

  private static FakeDvla start() {
    try {
      return new FakeDvla();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
