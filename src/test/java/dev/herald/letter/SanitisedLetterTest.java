package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.MM;
import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.herald.letter.PrecompiledLetterBuilder.DocumentChange;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;

/** The copy that is printed: passes again, carries the tag and the new address, acts no more. */
class SanitisedLetterTest {

  private static final List<String> NORMALISED =
      List.of("Ms A Person", "1 High Street", "London", "SW1A 1AA");

  @Test
  void theSanitisedLetterPassesTheCheckAgainWithTheSameAddress() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(3));

    PrecompiledOutcome again = PrecompiledCheck.check(outcome.sanitised(), false);

    assertThat(again.passed()).isTrue();
    assertThat(again.pageCount()).isEqualTo(3);
    assertThat(again.address().normalisedLines()).isEqualTo(outcome.address().normalisedLines());
  }

  @Test
  void itCarriesTheNotifyTagOnPageOne() {
    byte[] sanitised = check(aPrecompiledLetter()).sanitised();

    assertThat(SanitisedPages.firstPageTextIn(sanitised, LetterAreas.NOTIFY_TAG))
        .isEqualTo("NOTIFY");
  }

  @Test
  void theNormalisedAddressReplacesTheOriginalText() {
    byte[] sanitised =
        check(
                aPrecompiledLetter()
                    .withAddress("Ms A Person", "1 High Street,", "London", "sw1a1aa"))
            .sanitised();

    assertThat(SanitisedPages.firstPageTextIn(sanitised, LetterAreas.ADDRESS_SEARCH))
        .isEqualTo(String.join("\n", NORMALISED));
    assertThat(SanitisedPages.firstPageText(sanitised))
        .doesNotContain("sw1a1aa")
        .doesNotContain("Street,")
        .contains("Benefits Office");
  }

  @Test
  void theAddressIsWrittenAtTemplatePreviewsPlaceAndSizeInAnEmbeddedFont() throws IOException {
    byte[] sanitised = check(aPrecompiledLetter()).sanitised();

    List<Word> address =
        SanitisedPages.firstPageWords(sanitised).stream()
            .filter(word -> word.box().intersects(LetterAreas.ADDRESS_SEARCH))
            .toList();
    Word postcode = address.getLast();
    assertThat(postcode.text()).isEqualTo("1AA");
    assertThat(address.getFirst().box().left()).isCloseTo(24.6, within(0.1));
    assertThat(postcode.baselineMm()).isCloseTo(66.3 - 2 / MM, within(0.01));
    assertThat(postcode.sizeMm()).isCloseTo(8 / MM, within(0.01));
    try (PDDocument document = Loader.loadPDF(sanitised)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
      }
    }
  }

  @Test
  void noActiveContentIsLeft() {
    byte[] original =
        aPrecompiledLetter()
            .with(ActiveContentFixtures.javaScriptOpenAction())
            .with(ActiveContentFixtures.javaScriptInTheNamesTree())
            .with(ActiveContentFixtures.javaScriptPageAction())
            .with(ActiveContentFixtures.javaScriptLink())
            .with(ActiveContentFixtures.javaScriptFormField())
            .with(ActiveContentFixtures.launchLink())
            .with(ActiveContentFixtures.embeddedFile())
            .with(ActiveContentFixtures.fileAttachmentAnnotation())
            .build();
    assertThat(ActiveContent.find(original)).isPresent();

    PrecompiledOutcome outcome = PrecompiledCheck.check(original, false);

    assertThat(outcome.passed()).isTrue();
    assertThat(ActiveContent.find(outcome.sanitised())).isEmpty();
  }

  @Test
  void theRestOfALineThatCrossesTheWindowStaysWhereItWas() {
    double postcodeWidth = PrecompiledLetterBuilder.widthMm("SW1A 1AA", 8);
    float jump = (float) -((125 - 25 - postcodeWidth) * MM * 1000 / 8);
    byte[] original =
        aPrecompiledLetter()
            .withAddress("Ms A Person", "1 High Street", "London")
            .with(1, canvas -> canvas.textRun(25, 53, 8, "SW1A 1AA", jump, "Ref 123"))
            .build();

    byte[] sanitised = PrecompiledCheck.check(original, false).sanitised();

    assertThat(wordsNamed(original, "Ref")).hasSize(1);
    assertThat(wordsNamed(sanitised, "Ref").getFirst().box().left())
        .isCloseTo(125, within(0.01))
        .isCloseTo(wordsNamed(original, "Ref").getFirst().box().left(), within(0.001));
    assertThat(wordsNamed(sanitised, "SW1A")).hasSize(1);
    assertThat(SanitisedPages.firstPageTextIn(sanitised, LetterAreas.ADDRESS_SEARCH))
        .isEqualTo(String.join("\n", NORMALISED));
  }

  @Test
  void anAddressDrawnByAFormIsTakenFromACopyOfTheFormAndLeftOnItsOtherPages() {
    byte[] original =
        aPrecompiledLetter()
            .withPages(2)
            .withAddress()
            .with(addressInOneFormOnPages1And2("Mr B Person", "2 High Street", "SW1A 2AA"))
            .build();

    PrecompiledOutcome outcome = PrecompiledCheck.check(original, false);

    assertThat(outcome.address().normalisedLines())
        .containsExactly("Mr B Person", "2 High Street", "SW1A 2AA");
    assertThat(wordsNamed(outcome.sanitised(), "Mr")).hasSize(1);
    assertThat(wordsNamed(outcome.sanitised(), "Mr").getFirst().box().left())
        .isCloseTo(24.6, within(0.1));
    assertThat(PrecompiledCheck.check(outcome.sanitised(), false).passed()).isTrue();
    assertThat(SanitisedPages.pageText(outcome.sanitised(), 2)).contains("Mr B Person");
  }

  private static DocumentChange addressInOneFormOnPages1And2(String... lines) {
    return document -> {
      PDFormXObject form = new PDFormXObject(document);
      form.setBBox(PDRectangle.A4);
      form.setResources(new PDResources());
      PDType0Font font = PrecompiledLetterBuilder.font(document);
      try (PDFormContentStream content = new PDFormContentStream(form)) {
        for (int i = 0; i < lines.length; i++) {
          content.beginText();
          content.setFont(font, 8);
          content.newLineAtOffset(
              (float) (25 * MM), (float) (PDRectangle.A4.getHeight() - (44 + i * 3) * MM));
          content.showText(lines[i]);
          content.endText();
        }
      }
      for (int page = 0; page < 2; page++) {
        try (PDPageContentStream content =
            new PDPageContentStream(
                document, document.getPage(page), PDPageContentStream.AppendMode.APPEND, true)) {
          content.drawForm(form);
        }
      }
    };
  }

  private static List<Word> wordsNamed(byte[] pdf, String text) {
    return SanitisedPages.firstPageWords(pdf).stream()
        .filter(word -> word.text().equals(text))
        .toList();
  }

  private static PrecompiledOutcome check(PrecompiledLetterBuilder letter) {
    PrecompiledOutcome outcome = PrecompiledCheck.check(letter.build(), false);
    assertThat(outcome.passed()).as(outcome.message()).isTrue();
    return outcome;
  }
}
