package dev.herald.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A service's letter contact blocks, and a letter template's version that keeps the text of the one
 * it was given: shown by {@code GET /v2/template}, stored with each letter.
 */
class LetterContactIT extends ApiIT {

  private UUID service;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
  }

  private String addContact(String block, boolean isDefault) {
    return herald
        .adminOk(
            "POST",
            "/admin/services/" + service + "/letter-contacts",
            Map.of("contact_block", block, "is_default", isDefault))
        .get("id")
        .asString();
  }

  @Test
  void contactsAreListedTheDefaultFirstAndArchivedOnesLeave() {
    String first = addContact("First Department\nLondon", false);
    String second = addContact("Second Department\nCardiff", true);

    JsonNode listed =
        herald.adminOk("GET", "/admin/services/" + service + "/letter-contacts", null);
    assertThat(listed.get("letter_contacts").valueStream().map(c -> c.get("id").asString()))
        .containsExactly(second, first);
    assertThat(listed.get("letter_contacts").get(0).get("is_default").asBoolean()).isTrue();
    assertThat(listed.get("letter_contacts").get(1).get("contact_block").asString())
        .isEqualTo("First Department\nLondon");

    herald.adminOk(
        "POST", "/admin/services/" + service + "/letter-contacts/" + second + "/archive", null);
    assertThat(
            herald
                .adminOk("GET", "/admin/services/" + service + "/letter-contacts", null)
                .get("letter_contacts")
                .valueStream()
                .map(c -> c.get("id").asString()))
        .containsExactly(first);
    assertThat(
            herald
                .admin(
                    "POST",
                    "/admin/services/" + service + "/letter-contacts/" + second + "/archive",
                    null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void aBlockOfMoreThanTenLinesIsRefused() {
    Http.Response r =
        herald.admin(
            "POST",
            "/admin/services/" + service + "/letter-contacts",
            Map.of("contact_block", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "contact_block This address is 11 lines long - the most you can have is 10 lines");
  }

  @Test
  void aTemplateVersionKeepsTheTextOfTheContactItWasGiven() {
    String contact = addContact("Department of Things\n((office))\nLondon", true);
    String template =
        herald
            .adminOk(
                "POST",
                "/admin/services/" + service + "/templates",
                Map.of(
                    "name", "Letter",
                    "template_type", "letter",
                    "subject", "Heading",
                    "content", "Dear ((name))"))
            .get("id")
            .asString();
    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/templates/" + template,
        Map.of("letter_contact_id", contact));
    herald.adminOk(
        "POST", "/admin/services/" + service + "/letter-contacts/" + contact + "/archive", null);

    String key = herald.key(service, "normal");
    JsonNode v1 =
        http.send("GET", "/v2/template/" + template + "/version/1", Tokens.bearer(key), null)
            .json();
    JsonNode v2 = http.send("GET", "/v2/template/" + template, Tokens.bearer(key), null).json();
    assertThat(v1.get("letter_contact_block").isNull()).isTrue();
    assertThat(v2.get("letter_contact_block").asString())
        .isEqualTo("Department of Things\n((office))\nLondon");
    assertThat(v2.get("personalisation").propertyNames()).containsExactly("office", "name");

    // The contact block's placeholders are needed first.
    Http.Response missing =
        http.send(
            "POST",
            "/v2/notifications/letter",
            Tokens.bearer(key),
            Http.json(
                Map.of(
                    "template_id",
                    template,
                    "personalisation",
                    Map.of(
                        "address_line_1", "A Person",
                        "address_line_2", "1 High Street",
                        "postcode", "SW1A 2AA"))));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("Missing personalisation: office, name");
  }

  @Test
  void anUnknownOrDoubleContactIsRefused() {
    String contact = addContact("Department\nLondon", true);
    UUID unknown = UUID.randomUUID();
    Map<String, Object> base =
        Map.of("name", "Letter", "template_type", "letter", "subject", "S", "content", "C");
    Map<String, Object> withUnknown = new java.util.HashMap<>(base);
    withUnknown.put("letter_contact_id", unknown.toString());
    Http.Response r =
        herald.admin("POST", "/admin/services/" + service + "/templates", withUnknown);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "letter_contact_id "
                + unknown
                + " does not exist in database for service id "
                + service);

    Map<String, Object> both = new java.util.HashMap<>(base);
    both.put("letter_contact_id", contact);
    both.put("letter_contact_block", "Text");
    assertThat(herald.admin("POST", "/admin/services/" + service + "/templates", both).body())
        .contains("Give letter_contact_block or letter_contact_id, not both");
  }
}
