package dev.herald.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.search.SearchTerm.Piece;
import dev.herald.search.SearchTerm.Recipient;
import org.junit.jupiter.api.Test;

class SearchTermTest {

  @Test
  void aUkNumberInAnyFormatIsItsE164Digits() {
    assertThat(SearchTerm.of("07700 900123")).isEqualTo(new Recipient("447700900123"));
    assertThat(SearchTerm.of("+447700900123")).isEqualTo(new Recipient("447700900123"));
    assertThat(SearchTerm.of("(07700) 900-123")).isEqualTo(new Recipient("447700900123"));
  }

  @Test
  void anEmailAddressIsLowerCased() {
    assertThat(SearchTerm.of(" Jane.Doe@Example.COM "))
        .isEqualTo(new Recipient("jane.doe@example.com"));
  }

  @Test
  void partOfANumberLosesPunctuationAndLeadingZeroAsNotifyDoes() {
    assertThat(SearchTerm.of("07700 900")).isEqualTo(new Piece("%7700900%", "%07700 900%"));
  }

  @Test
  void anythingElseSearchesRecipientsAndReferencesWithWildcardsEscaped() {
    assertThat(SearchTerm.of("Order_50%"))
        .isEqualTo(new Piece("%order\\_50\\%%", "%Order\\_50\\%%"));
    assertThat(SearchTerm.of("@Example.com"))
        .isEqualTo(new Piece("%@example.com%", "%@Example.com%"));
  }
}
