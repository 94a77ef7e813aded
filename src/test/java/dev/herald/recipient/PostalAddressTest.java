package dev.herald.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Letter addresses read, normalised and checked as Notify's utils {@code postal_address} does. */
class PostalAddressTest {

  private static PostalAddress uk(String raw) {
    return PostalAddress.of(raw.replace("|", "\n"), false);
  }

  private static PostalAddress anywhere(String raw) {
    return PostalAddress.of(raw.replace("|", "\n"), true);
  }

  @Test
  void linesAreCleanedAndThePostcodeWrittenAsRoyalMailSortsIt() {
    PostalAddress address = uk("  A   Person ,| |1 High Street , ,|London ,|sw1a2aa  ");
    assertThat(address.normalisedLines())
        .containsExactly("A Person", "1 High Street", "London", "SW1A 2AA");
    assertThat(address.problem()).isEmpty();
    assertThat(address.international()).isFalse();
    assertThat(address.searchable()).isEqualTo("aperson1highstreetlondonsw1a2aa");
  }

  @Test
  void spaceBeforePunctuationGoes() {
    assertThat(uk("A Person|Flat 1 , The Mews|SW1A 2AA").normalisedLines())
        .containsExactly("A Person", "Flat 1, The Mews", "SW1A 2AA");
  }

  @Test
  void trailingUkLinesAreDroppedAndTheCrownDependenciesAreInland() {
    assertThat(uk("A Person|1 High Street|SW1A 2AA|United Kingdom|UK").normalisedLines())
        .containsExactly("A Person", "1 High Street", "SW1A 2AA");
    PostalAddress jersey = uk("A Person|1 King Street|St Helier|JE2 3AB|Jersey");
    assertThat(jersey.international()).isFalse();
    assertThat(jersey.problem()).isEmpty();
    assertThat(jersey.normalisedLines()).endsWith("JE2 3AB");
  }

  @Test
  void aCountryMakesTheAddressInternationalWithItsZone() {
    PostalAddress france = anywhere("A Person|1 Rue de Rivoli|75001 Paris|france");
    assertThat(france.international()).isTrue();
    assertThat(france.postage()).isEqualTo("europe");
    assertThat(france.normalisedLines()).endsWith("75001 Paris", "France");
    assertThat(france.problem()).isEmpty();
    assertThat(anywhere("A Person|1 Main Street|Springfield|U.S.A.").postage())
        .isEqualTo("rest-of-world");
    assertThat(anywhere("A Person|Calle Mayor 1|Tenerife|Canary Islands").postage())
        .isEqualTo("europe");
  }

  @Test
  void aBfpoAddressNeedsNoPostcodeButMayNotNameACountry() {
    PostalAddress bfpo = uk("Corporal A Person|Unit 1|BFPO 123");
    assertThat(bfpo.isBfpo()).isTrue();
    assertThat(bfpo.problem()).isEmpty();
    assertThat(bfpo.normalisedLines()).containsExactly("Corporal A Person", "Unit 1", "BFPO 123");
    assertThat(bfpo.bfpoNumber()).contains(123);
    assertThat(uk("A Person|1 High Street|SW1A 1AA").bfpoNumber()).isEmpty();
    assertThat(uk("Corporal A Person|Unit 1|bfpo 123|BF1 4FB").normalisedLines())
        .containsExactly("Corporal A Person", "Unit 1", "BF1 4FB", "BFPO 123");
    assertThat(uk("Corporal A Person|Unit 1|BFPO 123|Germany").problem())
        .contains(AddressProblem.COUNTRY_FOR_BFPO);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "'';EMPTY",
        "' | , |';EMPTY",
        "A Person|SW1A 2AA;NOT_ENOUGH_LINES",
        "1|2|3|4|5|6|7|SW1A 2AA;TOO_MANY_LINES",
        "...|1 High Street|SW1A 2AA;FIRST_TWO_LINES_NOT_ALPHANUMERIC",
        "A Person|1 High Street|XX1 1AA;NOT_A_REAL_UK_POSTCODE",
        "A Person|1 High Street|SW1A 2AC;NOT_A_REAL_UK_POSTCODE",
        "A Person|1 Rue de Rivoli|France;CANT_SEND_INTERNATIONAL",
        "A Person|=1 High Street|SW1A 2AA;INVALID_FIRST_CHARACTER",
        "A Person|~1 High Street|SW1A 2AA;INVALID_FIRST_CHARACTER",
        "A Person|NFA|SW1A 2AA;NO_FIXED_ABODE",
        "A Person|No Fixed Address|SW1A 2AA;NO_FIXED_ABODE"
      })
  void problemsInNotifysOrder(String raw, AddressProblem expected) {
    assertThat(uk(raw).problem()).contains(expected);
  }

  @Test
  void withThePermissionTheLastLineMayBeACountryButNotAnythingElse() {
    assertThat(anywhere("A Person|1 High Street|Atlantis").problem())
        .contains(AddressProblem.NOT_A_REAL_UK_POSTCODE_OR_COUNTRY);
    assertThat(anywhere("A Person|1 High Street|SW1A 2AA").problem()).isEmpty();
  }

  @Test
  void thePersonalisationGivesLinesOneToSixAndThePostcodeOrLineSeven() {
    Map<String, String> six = new LinkedHashMap<>();
    six.put("address_line_1", "A Person");
    six.put("address_line_3", "1 High Street");
    six.put("postcode", "SW1A 2AA");
    six.put("Address_Line_2", "ignored: keys are matched exactly");
    assertThat(PostalAddress.fromPersonalisation(six, false).normalisedLines())
        .containsExactly("A Person", "1 High Street", "SW1A 2AA");

    Map<String, String> seven = new LinkedHashMap<>(six);
    seven.put("address_line_7", "SW1A 1AA");
    assertThat(PostalAddress.fromPersonalisation(seven, false).normalisedLines())
        .containsExactly("A Person", "1 High Street", "SW1A 1AA");
  }

  @Test
  void theMessagesAreNotifys() {
    assertThat(AddressProblem.INVALID_FIRST_CHARACTER.message())
        .isEqualTo(
            "Address lines must not start with any of the following characters:"
                + " @ ( ) = [ ] \u201d \\ / , < >");
    assertThat(AddressProblem.CANT_SEND_INTERNATIONAL.message())
        .isEqualTo("Must be a real UK postcode");
    assertThat(AddressProblem.CANT_SEND_INTERNATIONAL.reason())
        .isEqualTo("cant-send-international-letters");
  }

  @Test
  void itNeverPrintsTheAddress() {
    assertThat(uk("A Person|1 High Street|SW1A 2AA").toString()).doesNotContain("Person");
  }

  @Test
  void postcodesAreMatchedWithoutSpacesOrCase() {
    assertThat(UkPostcodes.formatted(" sw1a 1aa ")).contains("SW1A 1AA");
    assertThat(UkPostcodes.formatted("SW11AA")).contains("SW1 1AA");
    assertThat(UkPostcodes.formatted("M1 1AE")).contains("M1 1AE");
    assertThat(UkPostcodes.formatted("EC1A\u00a01BB")).contains("EC1A 1BB");
    assertThat(UkPostcodes.formatted("QQ1 1AA")).isEqualTo(Optional.empty());
    assertThat(UkPostcodes.formatted("SW1A 1AV")).isEmpty();
    assertThat(UkPostcodes.formatted("SW1A")).isEmpty();
  }

  @Test
  void countriesAreFoundByTheirNamesAndOtherNames() {
    assertThat(Countries.named("France"))
        .map(Countries.Country::zone)
        .contains(Countries.PostalZone.EUROPE);
    assertThat(Countries.named("the Netherlands"))
        .map(Countries.Country::name)
        .contains("Netherlands");
    assertThat(Countries.named("Holland")).map(Countries.Country::name).contains("Netherlands");
    assertThat(Countries.named("USA")).map(Countries.Country::name).contains("United States");
    assertThat(Countries.named("Cymru")).map(Countries.Country::isUk).contains(true);
    assertThat(Countries.named("Côte d'Ivoire")).isPresent();
    assertThat(Countries.named("Deutschland")).map(Countries.Country::name).contains("Germany");
    assertThat(Countries.named("Turkey"))
        .map(Countries.Country::zone)
        .contains(Countries.PostalZone.EUROPE);
    assertThat(Countries.named("Kosovo")).isPresent();
    assertThat(Countries.named("London")).isEmpty();
    assertThat(Countries.named("")).isEmpty();
  }
}
