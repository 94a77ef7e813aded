package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.Http;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** DVLA's callback refused as Notify refuses it, over HTTP into the whole application. */
class DvlaCallbackIT extends WithFakeDvla {

  private static final String TOKEN_MESSAGE = "A valid token must be provided in the query string";

  @Autowired PrintCallbackTokens tokens;

  private final UUID letter = UUID.randomUUID();

  @BeforeEach
  void now() {
    clock.set(Instant.parse("2031-03-12T18:00:00Z"));
  }

  private Http.Response post(String token, String body) {
    String query = token == null ? "" : "?token=" + token;
    return http.send("POST", "/notifications/letter/status" + query, null, body);
  }

  private Http.Response post(ObjectNode body) {
    return post(tokens.sign(letter), body.toString());
  }

  private ObjectNode despatched() {
    return DvlaCallbacks.payload(letter, "DESPATCHED", "2031-03-12T17:45:12Z");
  }

  private static void assertError(Http.Response r, int status, String error, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(status);
    assertThat(r.json().get("errors").get(0).get("error").asString()).isEqualTo(error);
    assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
  }

  @Test
  void anUnknownLetterWithAGoodTokenIsTakenAndChangesNothing() {
    assertThat(post(despatched()).status()).isEqualTo(204);
  }

  @Test
  void aMissingForgedTruncatedOrOtherLettersTokenIsRefused() {
    String body = despatched().toString();
    String good = tokens.sign(letter);
    String other = tokens.sign(UUID.randomUUID());
    for (String bad :
        new String[] {
          null,
          "",
          good.substring(0, good.length() - 2),
          good.substring(0, 37) + other.substring(37),
          letter + other.substring(36),
          "garbage"
        }) {
      assertError(post(bad, body), 403, "InvalidRequest", TOKEN_MESSAGE);
    }
  }

  @Test
  void aJobIdThatIsNotTheTokensLetterIsRefused() {
    Http.Response r = post(tokens.sign(UUID.randomUUID()), despatched().toString());
    assertError(
        r,
        400,
        "InvalidRequest",
        "Notification ID in letter callback data does not match ID in token");
  }

  @Test
  void aBodyOutsideTheSchemaIsAValidationError() {
    ObjectNode noCorrelation = despatched();
    ((ObjectNode) noCorrelation.get("metadata")).remove("correlationId");
    assertError(
        post(noCorrelation),
        400,
        "ValidationError",
        "metadata correlationId is a required property");

    ObjectNode despatchedWithout = despatched();
    data(despatchedWithout).remove("despatchProperties");
    assertError(
        post(despatchedWithout),
        400,
        "ValidationError",
        "data despatchProperties is a required property");

    ObjectNode twoProperties = despatched();
    ArrayNode properties = (ArrayNode) data(twoProperties).get("despatchProperties");
    properties.remove(3);
    properties.remove(2);
    assertThat(post(twoProperties).status()).isEqualTo(400);

    ObjectNode repeated = despatched();
    ArrayNode same = (ArrayNode) data(repeated).get("despatchProperties");
    same.set(3, same.get(0).deepCopy());
    assertThat(post(repeated).status()).isEqualTo(400);

    ObjectNode badPostage = despatched();
    ((ObjectNode) data(badPostage).get("despatchProperties").get(1)).put("value", "3RD");
    assertThat(post(badPostage).json().get("errors").get(0).get("error").asString())
        .isEqualTo("ValidationError");

    ObjectNode badStatus = despatched();
    data(badStatus).put("jobStatus", "LOST");
    assertThat(post(badStatus).status()).isEqualTo(400);

    ObjectNode notAnId = despatched();
    data(notAnId).put("jobId", "not-a-uuid");
    assertError(post(notAnId), 400, "ValidationError", "data is not a valid UUID");
  }

  @Test
  void aTransitionDateIsOnlyWholeSecondsInUtcAndNotFarAhead() {
    for (String bad :
        new String[] {
          "2031-03-12T17:45:12.123Z",
          "2031-03-12T17:45:12+00:00",
          "2031-03-12 17:45:12",
          "2031-02-30T10:00:00Z",
          "yesterday",
          "2031-03-14T18:00:00Z"
        }) {
      ObjectNode body = despatched();
      data(body).put("transitionDate", bad);
      Http.Response r = post(body);
      assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("error").asString())
          .isEqualTo("ValidationError");
    }
  }

  @Test
  void malformedHugeOrNulBodiesAreRefusedNeverAnError() {
    String token = tokens.sign(letter);
    assertThat(post(token, "{not json").status()).isEqualTo(400);
    assertThat(post(token, "").status()).isEqualTo(400);
    assertThat(post(token, "[]").status()).isEqualTo(400);
    assertThat(post(token, "\"text\"").status()).isEqualTo(400);
    String nul = despatched().toString().replace("NOTIFY", "NOT\\u0000IFY");
    Http.Response withNul = post(token, nul);
    assertThat(withNul.status()).isEqualTo(400);
    assertThat(withNul.json().get("errors").get(0).get("error").asString())
        .isEqualTo("BadRequestError");
    Http.Response huge = post(token, "[" + "1,".repeat(6_000_000) + "1]");
    assertThat(huge.status()).isBetween(400, 499);
  }

  private static ObjectNode data(ObjectNode body) {
    return (ObjectNode) body.get("data");
  }
}
