package dev.herald.provider.letter;

import com.nimbusds.jwt.JWTParser;
import dev.herald.print.PrintException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The print API's session token: fetched with the user name and password, kept until {@link #EARLY}
 * before its {@code exp} (read from the JWT, which only the print API verifies), and forgotten when
 * a print request is refused with it. One authentication at a time: letters sent at once wait for
 * the one token instead of each asking for their own.
 */
final class DvlaAuthentication {

  private static final Logger log = LoggerFactory.getLogger(DvlaAuthentication.class);

  /** How long before its expiry a token is renewed, so no request carries one about to lapse. */
  static final Duration EARLY = Duration.ofSeconds(60);

  private final DvlaPrintProperties properties;
  private final HttpClient client;
  private final ObjectMapper json;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private String token;
  private Instant renewAt;

  DvlaAuthentication(
      DvlaPrintProperties properties, HttpClient client, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.client = client;
    this.json = json;
    this.clock = clock;
  }

  /** The token to send, authenticating first when there is none or it is due for renewal. */
  String token() throws PrintException {
    lock.lock();
    try {
      if (token == null || !clock.instant().isBefore(renewAt)) {
        token = null;
        String fresh = authenticate();
        renewAt = expiry(fresh).minus(EARLY);
        token = fresh;
      }
      return token;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets {@code refused}, unless another letter has already replaced it. */
  void forget(String refused) {
    lock.lock();
    try {
      if (refused.equals(token)) {
        token = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private String authenticate() throws PrintException {
    ObjectNode body = json.createObjectNode();
    body.put("userName", properties.username());
    body.put("password", properties.password());
    HttpRequest request =
        HttpRequest.newBuilder(properties.endpoint("/thirdparty-access/v1/authenticate"))
            .timeout(properties.readTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = DvlaHttp.send(client, request, "authenticate");
    if (response.statusCode() / 100 != 2) {
      // Retryable even when refused: wrong credentials are put right by an operator, and the
      // letters should wait for that rather than fail.
      log.warn("DVLA refused authentication with HTTP {}", response.statusCode());
      throw new PrintException(
          "DVLA refused authentication with HTTP " + response.statusCode(), true);
    }
    return idToken(response.body());
  }

  private String idToken(byte[] body) throws PrintException {
    try {
      JsonNode token = json.readTree(body).get("id-token");
      if (token != null && token.isString() && !token.asString().isBlank()) {
        return token.asString();
      }
    } catch (JacksonException e) {
      // Reported below with the missing token.
    }
    throw new PrintException("DVLA answered authentication without an id-token", true);
  }

  private static Instant expiry(String token) throws PrintException {
    try {
      Date exp = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
      if (exp != null) {
        return exp.toInstant();
      }
    } catch (ParseException e) {
      // Reported below with the missing expiry.
    }
    throw new PrintException("DVLA's id-token is not a JWT with an exp claim", true);
  }
}
