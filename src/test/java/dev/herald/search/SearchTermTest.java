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
    Piece piece = (Piece) SearchTerm.of("07700 900");
    assertThat(piece).isEqualTo(new Piece("7700900", "07700 900"));
    assertThat(piece.recipientPattern()).isEqualTo("%7700900%");
    assertThat(piece.referencePattern()).isEqualTo("%07700 900%");
  }

  @Test
  void anythingElseSearchesRecipientsAndReferencesWithWildcardsEscaped() {
    Piece order = (Piece) SearchTerm.of("Order_50%");
    assertThat(order.recipientPattern()).isEqualTo("%order\\_50\\%%");
    assertThat(order.referencePattern()).isEqualTo("%Order\\_50\\%%");
    assertThat(SearchTerm.of("@Example.com")).isEqualTo(new Piece("@example.com", "@Example.com"));
  }

  @Test
  void theIndexesAreAskedForTheLastDigitsOfAPiece() {
    Piece phone = (Piece) SearchTerm.of("07711 9123");
    assertThat(phone.recipientIndexPattern()).isEqualTo("%19123%");
    assertThat(phone.referenceIndexPattern()).isEqualTo("%9123%");
    Piece reference = (Piece) SearchTerm.of("INV-2024-000123");
    assertThat(reference.referenceIndexPattern()).isEqualTo("%00123%");
    assertThat(reference.recipientIndexPattern()).isEqualTo("%00123%");
    Piece words = (Piece) SearchTerm.of("order_12");
    assertThat(words.referenceIndexPattern()).isEqualTo("%order\\_12%");
  }
}
