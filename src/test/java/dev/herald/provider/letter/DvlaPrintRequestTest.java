package dev.herald.provider.letter;

import static dev.herald.provider.letter.PrintLetters.JSON;
import static dev.herald.provider.letter.PrintLetters.PDF;
import static dev.herald.provider.letter.PrintLetters.SERVICE;
import static dev.herald.provider.letter.PrintLetters.TOKENS;
import static dev.herald.provider.letter.PrintLetters.aBatch;
import static dev.herald.provider.letter.PrintLetters.aLetter;
import static dev.herald.provider.letter.PrintLetters.aUkLetter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.print.PrintLetter;
import dev.herald.testdata.MutableClock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The print API sees exactly the authentication, headers and bodies of notify-letters.md §4.1. */
class DvlaPrintRequestTest {

  private FakeDvla dvla;
  private DvlaPrintProvider provider;

  @BeforeEach
  void start() throws Exception {
    dvla = new FakeDvla();
    provider = PrintLetters.provider(dvla.url(), 4, new MutableClock());
  }

  @AfterEach
  void stop() {
    provider.close();
    dvla.close();
  }

  @Test
  void authenticatesWithTheUserNameAndPasswordThenSendsTheRawTokenAndTheApiKey() throws Exception {
    provider.send(aBatch(aUkLetter(), aUkLetter()));

    assertThat(dvla.authentications()).hasSize(1);
    FakeDvla.Received authentication = dvla.authentications().getFirst();
    assertThat(authentication.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(authentication.body())
        .isEqualTo(JSON.readTree("{\"userName\": \"herald\", \"password\": \"pass word\"}"));
    assertThat(dvla.printRequests()).hasSize(2);
    for (FakeDvla.Received request : dvla.printRequests()) {
      assertThat(request.headers().getFirst("Authorization")).isEqualTo(dvla.tokens().getFirst());
      assertThat(request.headers().getFirst("X-API-Key")).isEqualTo("the-api-key");
      assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
      assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    }
  }

  @Test
  void aUkLetterIsAnUnstructuredAddressWithItsNameApartAndNoDespatchMethodForSecondClass()
      throws Exception {
    PrintLetter letter =
        aLetter("second", "Ms A Person", "Flat 2", "1 High Street", "London", "SW1A 1AA");

    JsonNode body = sent(letter);

    assertThat(body)
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "id": "%s",
                  "standardParams": {
                    "jobType": "NOTIFY",
                    "templateReference": "NOTIFY",
                    "businessIdentifier": "%s",
                    "recipientName": "Ms A Person",
                    "address": {"unstructuredAddress": {
                      "line1": "Flat 2", "line2": "1 High Street", "line3": "London",
                      "postcode": "SW1A 1AA"}}
                  },
                  "customParams": [
                    {"key": "pdfContent", "value": "%s"},
                    {"key": "organisationIdentifier", "value": "%s"},
                    {"key": "serviceIdentifier", "value": "%s"}
                  ],
                  "callbackParams": {
                    "target": "https://herald.example/notifications/letter/status?token=%s",
                    "retryParams": {"enabled": true, "maxRetryWindow": 10800}
                  }
                }
                """
                    .formatted(
                        letter.notificationId(),
                        letter.reference(),
                        Base64.getEncoder().encodeToString(PDF),
                        SERVICE,
                        SERVICE,
                        TOKENS.sign(letter.notificationId()))));
  }

  @ParameterizedTest
  @CsvSource({"first, FIRST", "economy, ECONOMY"})
  void otherUkPostageIsTheDespatchMethod(String postage, String method) throws Exception {
    JsonNode standard =
        sent(aLetter(postage, "Ms A Person", "1 High Street", "SW1A 1AA")).get("standardParams");
    assertThat(standard.get("despatchMethod").asString()).isEqualTo(method);
    assertThat(standard.get("address").get("unstructuredAddress"))
        .isEqualTo(JSON.readTree("{\"line1\": \"1 High Street\", \"postcode\": \"SW1A 1AA\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "europe, INTERNATIONAL_EU, Herr A Person, 10115 Berlin, Germany",
    "rest-of-world, INTERNATIONAL_ROW, Ms A Person, Wellington 6011, New Zealand"
  })
  void aLetterAbroadIsAnInternationalAddressWithItsCountry(
      String postage, String method, String name, String town, String country) throws Exception {
    JsonNode standard =
        sent(aLetter(postage, name, "1 Main Street", town, country)).get("standardParams");
    assertThat(standard.get("despatchMethod").asString()).isEqualTo(method);
    assertThat(standard.get("recipientName").asString()).isEqualTo(name);
    assertThat(standard.get("address"))
        .isEqualTo(
            JSON.readTree(
                """
                {"internationalAddress": {"line1": "1 Main Street", "line2": "%s", "country": "%s"}}
                """
                    .formatted(town, country)));
  }

  @Test
  void aBfpoAddressKeepsTheRecipientOnLineOneWithItsNumberAndAnyPostcode() throws Exception {
    JsonNode withPostcode =
        sent(aLetter("second", "Corporal A Person", "Unit 1", "BFPO 123", "BF1 4FB"))
            .get("standardParams");
    assertThat(withPostcode.get("recipientName").asString()).isEqualTo("Corporal A Person");
    assertThat(withPostcode.get("address"))
        .isEqualTo(
            JSON.readTree(
                """
                {"bfpoAddress": {"line1": "Corporal A Person", "line2": "Unit 1",
                                 "postcode": "BF1 4FB", "bfpoNumber": 123}}
                """));

    JsonNode withoutPostcode =
        sent(aLetter("first", "Corporal A Person", "Unit 1", "BFPO 2001")).get("standardParams");
    assertThat(withoutPostcode.get("despatchMethod").asString()).isEqualTo("FIRST");
    assertThat(withoutPostcode.get("address"))
        .isEqualTo(
            JSON.readTree(
                """
                {"bfpoAddress": {"line1": "Corporal A Person", "line2": "Unit 1",
                                 "bfpoNumber": 2001}}
                """));
  }

  @Test
  void namesAreCutTo255LinesTo45AndPostcodesTo10Characters() throws Exception {
    String name = "N".repeat(300);
    String line = "L".repeat(60);
    JsonNode standard =
        sent(aLetter("second", name, line, "Somewhere without a postcode")).get("standardParams");
    assertThat(standard.get("recipientName").asString()).isEqualTo("N".repeat(255));
    assertThat(standard.get("address"))
        .isEqualTo(
            JSON.readTree(
                """
                {"unstructuredAddress": {"line1": "%s", "postcode": "Somewhere "}}
                """
                    .formatted("L".repeat(45))));
  }

  private JsonNode sent(PrintLetter letter) throws Exception {
    assertThat(provider.send(aBatch(letter)).rejected()).isEmpty();
    return dvla.printRequests().stream()
        .filter(request -> request.id().equals(letter.notificationId()))
        .findFirst()
        .orElseThrow()
        .body();
  }
}
