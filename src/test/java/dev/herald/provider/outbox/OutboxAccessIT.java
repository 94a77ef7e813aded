package dev.herald.provider.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.AdminToken;
import dev.herald.testdata.ApiIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and the metrics from another address than loopback: Herald listens on every address,
 * so a request to this machine's own non-loopback address arrives from that address.
 */
class OutboxAccessIT extends ApiIT {

  private static final List<String> PROTECTED =
      List.of("/outbox", "/outbox.json", "/actuator/prometheus", "/actuator/info");

  @Autowired AdminToken adminToken;

  private final HttpClient client = HttpClient.newHttpClient();
  private String otherAddress;

  @BeforeEach
  void findAnAddressOtherThanLoopback() throws SocketException {
    Optional<InetAddress> address =
        NetworkInterface.networkInterfaces()
            .filter(OutboxAccessIT::isUp)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address)
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
    // Fails rather than skips: a test that cannot run here must not pass as if it had.
    assertThat(address).as("an address of this machine other than loopback").isPresent();
    otherAddress = address.get().getHostAddress();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private HttpResponse<String> get(String host, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
    JsonNode body = JsonMapper.builder().build().readTree(response.body());
    assertThat(body.get("status_code").asInt()).isEqualTo(403);
    assertThat(body.get("errors").get(0).get("error").asString()).isEqualTo("AuthError");
    assertThat(response.body()).doesNotContain("@");
  }

  @Test
  void refusesAnotherAddressWithoutTheAdminToken() {
    for (String path : PROTECTED) {
      assertForbidden(get(otherAddress, path));
      assertForbidden(get(otherAddress, path, "Authorization", "Bearer not-the-admin-token"));
    }
  }

  @Test
  void letsAnotherAddressInWithTheAdminToken() {
    for (String path : PROTECTED) {
      HttpResponse<String> response =
          get(otherAddress, path, "Authorization", "Bearer " + adminToken.value());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aLettersPdfOnTheOutboxIsProtectedToo() {
    assertForbidden(get(otherAddress, "/outbox/letters/" + java.util.UUID.randomUUID() + ".pdf"));
  }

  @Test
  void takesNoForwardedHeaderForTheRequestsAddress() {
    assertForbidden(get(otherAddress, "/outbox.json", "X-Forwarded-For", "127.0.0.1"));
    assertForbidden(get(otherAddress, "/outbox.json", "Forwarded", "for=127.0.0.1"));
    assertForbidden(get("localhost", "/outbox.json", "X-Forwarded-For", "203.0.113.7"));
  }

  @Test
  void noOtherSpellingOfThePathGetsPast() {
    for (String path :
        List.of(
            "/outbox.json;a=b",
            "/outbox;jsessionid=x",
            "//outbox.json",
            "/./outbox.json",
            "/x/../outbox.json",
            "/%6Futbox.json",
            "/actuator/health/../prometheus",
            "/actuator/health/%2E%2E/prometheus",
            "/actuator/prometheus;x=y",
            "/actuator")) {
      HttpResponse<String> response = get(otherAddress, path);
      assertThat(response.statusCode()).as(path).isNotEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain("messages").doesNotContain("# HELP");
    }
  }

  @Test
  void letsLoopbackInWithoutAToken() {
    for (String path : PROTECTED) {
      assertThat(get("127.0.0.1", path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void leavesTheHealthProbesOpen() {
    for (String path :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      assertThat(get(otherAddress, path).statusCode()).as(path).isEqualTo(200);
    }
  }
}
