package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void findsNamesInOrderOfFirstAppearanceAsWritten() {
    assertThat(Placeholders.names("Dear ((first name)), your ((colour)) ((thing))"))
        .containsExactly("first name", "colour", "thing");
  }

  @Test
  void treatsCaseSpacesUnderscoresAndHyphensAsTheSameKey() {
    assertThat(Placeholders.names("((First Name)) ((first_name)) ((FIRSTNAME)) ((first-name))"))
        .containsExactly("First Name");
  }

  @Test
  void searchesSeveralTextsInTheOrderGiven() {
    assertThat(Placeholders.names("Subject ((b))", "Body ((a)) ((B))")).containsExactly("b", "a");
  }

  @Test
  void namesAConditionalPlaceholderByThePartBeforeTheQuestionMarks() {
    assertThat(Placeholders.names("((warning??Careful, it’s hot)) ((warning))"))
        .containsExactly("warning");
  }

  @Test
  void ignoresBracketsThatAreNotPlaceholders() {
    assertThat(Placeholders.names("(single) (()) ((a(b)) (((nested))) ((also)"))
        .containsExactly("nested");
  }

  @Test
  void listsPlaceholdersWhoseValueIsAbsentOrNull() {
    Map<String, Object> personalisation = new HashMap<>();
    personalisation.put("FIRST_NAME", "Ada");
    personalisation.put("colour", null);

    assertThat(Placeholders.missing(personalisation, "((first name)) ((colour)) ((shape??x))"))
        .containsExactly("colour", "shape");
  }

  @Test
  void normalisesKeys() {
    assertThat(Placeholders.key("First_Name - Here")).isEqualTo("firstnamehere");
  }

  @Test
  void aKeyIsTheNameInLowerCaseWithoutSpacesUnderscoresOrHyphens() {
    assertThat(Placeholders.key("name")).isEqualTo("name");
    assertThat(Placeholders.key("First Name")).isEqualTo("firstname");
    assertThat(Placeholders.key("first_name-2")).isEqualTo("firstname2");
    assertThat(Placeholders.key("ÉTÉ")).isEqualTo("été");
    assertThat(Placeholders.key("İ")).isEqualTo("İ".toLowerCase(java.util.Locale.ROOT));
  }
}
