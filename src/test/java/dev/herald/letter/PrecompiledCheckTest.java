package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Notify's precompiled-letter rules, one by one and in their order (notify-letters.md §2.2). */
class PrecompiledCheckTest {

  @Test
  void anOrdinaryLetterPassesWithItsAddressAndPageCount() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(2));

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.message()).isNull();
    assertThat(outcome.invalidPages()).isNull();
    assertThat(outcome.pageCount()).isEqualTo(2);
    assertThat(outcome.address().normalisedLines())
        .containsExactly("Ms A Person", "1 High Street", "London", "SW1A 1AA");
    assertThat(outcome.sanitised()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void garbageIsUnreadable() {
    assertUnreadable(
        PrecompiledCheck.check("not a PDF at all".getBytes(StandardCharsets.US_ASCII), false));
  }

  @Test
  void anEncryptedPdfIsUnreadableEvenThoughItOpensWithoutAPassword() {
    assertUnreadable(check(aPrecompiledLetter().encrypted()));
  }

  @Test
  void elevenPagesAreTooLong() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(11).withBodyLines(2));

    assertThat(outcome.message()).isEqualTo("letter-too-long");
    assertThat(outcome.invalidPages()).isNull();
    assertThat(outcome.pageCount()).isEqualTo(11);
  }

  @Test
  void tenPagesPass() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(10).withBodyLines(2));

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.pageCount()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource({"A5", "LETTER"})
  void otherPaperSizesAreNotA4(String size) {
    PDRectangle mediaBox = size.equals("A5") ? PDRectangle.A5 : PDRectangle.LETTER;
    PrecompiledOutcome outcome =
        check(aPrecompiledLetter().withMediaBox(mediaBox).withPages(2).withBodyLines(2));

    assertFailed(outcome, "letter-not-a4-portrait-oriented", 1, 2);
  }

  @Test
  void withinTwoMillimetresOfA4IsA4() {
    assertThat(check(aPrecompiledLetter().withMediaBox(new PDRectangle(595, 841))).passed())
        .isTrue();
  }

  @Test
  void landscapeWithoutRotationIsNotPortrait() {
    PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    assertFailed(
        check(aPrecompiledLetter().withMediaBox(landscape)), "letter-not-a4-portrait-oriented", 1);
  }

  @Test
  void portraitTurnedByRotateIsNotPortrait() {
    assertFailed(check(aPrecompiledLetter().withRotate(90)), "letter-not-a4-portrait-oriented", 1);
  }

  @Test
  void landscapeMediaRotatedToPortraitPassesAndItsAddressIsRead() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().landscapeRotated(90).withPages(2));

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.address().normalisedLines())
        .containsExactly("Ms A Person", "1 High Street", "London", "SW1A 1AA");
    assertThat(PrecompiledCheck.check(outcome.sanitised(), false).address().normalisedLines())
        .isEqualTo(outcome.address().normalisedLines());
  }

  @ParameterizedTest(name = "{0} margin of page {1}")
  @CsvSource({
    "left, 1, 5, 150",
    "right, 1, 200, 150",
    "top, 1, 100, 2",
    "bottom, 1, 100, 294",
    "left, 2, 5, 150",
    "right, 2, 200, 150",
    "top, 2, 100, 2",
    "bottom, 2, 100, 294"
  })
  void halfAMillimetreOfInkInAMarginIsOutsideThePrintableArea(
      String margin, int page, double x, double y) {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(2).withMark(page, x, y, 0.5));

    assertFailed(outcome, "content-outside-printable-area", page);
  }

  @ParameterizedTest
  @CsvSource({"5.0", "5.09", "5.18", "5.27"})
  void halfAMillimetreMarkIsFoundWhereverItFallsOnThePixels(double x) {
    assertFailed(
        check(aPrecompiledLetter().withMark(1, x, x + 100, 0.5)),
        "content-outside-printable-area",
        1);
  }

  @Test
  void inkWithinTheMillimetreOfToleranceIsAllowed() {
    assertThat(check(aPrecompiledLetter().withMark(1, 14.2, 150, 0.5)).passed()).isTrue();
  }

  @Test
  void everyPageWithInkOutsideIsListed() {
    PrecompiledOutcome outcome =
        check(aPrecompiledLetter().withPages(3).withMark(1, 5, 150, 1).withMark(3, 200, 20, 1));

    assertFailed(outcome, "content-outside-printable-area", 1, 3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "beside the window, 122.3, 50",
    "left of the window, 19, 50",
    "above the window, 60, 34",
    "below the window, 60, 80"
  })
  void theStripsAroundTheAddressWindowMustBeBlank(String where, double x, double y) {
    assertFailed(
        check(aPrecompiledLetter().withMark(1, x, y, 0.5)), "content-outside-printable-area", 1);
  }

  @Test
  void theSizeIsCheckedBeforeThePrintableArea() {
    assertFailed(
        check(aPrecompiledLetter().withMediaBox(PDRectangle.A5).withMark(1, 2, 2, 2)),
        "letter-not-a4-portrait-oriented",
        1);
  }

  @Test
  void aNotifyTagAfterThePageOneMarksANewLetter() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(3).withNotifyTag(2));

    assertFailed(outcome, "notify-tag-found-in-content", 2);
  }

  @Test
  void aVisibleNotifyTagIsFirstOutsideThePrintableArea() {
    PrecompiledOutcome outcome =
        check(
            aPrecompiledLetter()
                .withPages(2)
                .with(2, canvas -> canvas.text(1.8, 3.7, 6, "NOTIFY", 0f)));

    assertFailed(outcome, "content-outside-printable-area", 2);
  }

  @Test
  void aNotifyTagOnPageOneIsFineAndNotWrittenAgain() {
    PrecompiledOutcome outcome = check(aPrecompiledLetter().withPages(2).withNotifyTag(1));

    assertThat(outcome.passed()).isTrue();
    assertThat(SanitisedPages.firstPageTextIn(outcome.sanitised(), LetterAreas.NOTIFY_TAG))
        .isEqualTo("NOTIFY");
  }

  @Test
  void aLetterWithoutAnAddressHasAnEmptyAddress() {
    assertFailed(check(aPrecompiledLetter().withAddress()), "address-is-empty", 1);
  }

  @ParameterizedTest(name = "{2}: {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Ms A Person|SW1A 1AA; false; not-enough-address-lines",
        "A|B|C|D|E|F|G|SW1A 1AA; false; too-many-address-lines",
        "...|1 High Street|London|SW1A 1AA; false; invalid-address-line-1-or-2",
        "Ms A Person|1 High Street|BFPO 1234|France; true; has-country-for-bfpo-address",
        "Ms A Person|1 High Street|Nowhere; true; not-a-real-uk-postcode-or-country",
        "Ms A Person|1 Rue de Rivoli|75001 Paris|France; false; cant-send-international-letters",
        "Ms A Person|1 High Street|London|12345; false; not-a-real-uk-postcode",
        "Ms A Person|=1 High Street|London|SW1A 1AA; false; invalid-char-in-address",
        "Ms A Person|NFA|London|SW1A 1AA; false; no-fixed-abode-address",
        "Ms A Person|No fixed abode|London|SW1A 1AA; false; no-fixed-abode-address"
      })
  void anAddressProblemFailsPageOneWithItsReason(
      String lines, boolean allowInternational, String reason) {
    byte[] pdf = aPrecompiledLetter().withAddress(lines.split("\\|")).build();

    assertFailed(PrecompiledCheck.check(pdf, allowInternational), reason, 1);
  }

  @ParameterizedTest
  @CsvSource({"France, europe", "Canada, rest-of-world"})
  void aForeignAddressPassesWithThePermissionAndSetsThePostage(String country, String postage) {
    byte[] pdf =
        aPrecompiledLetter().withAddress("Ms A Person", "1 Main Street", "Town", country).build();

    PrecompiledOutcome outcome = PrecompiledCheck.check(pdf, true);

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.address().international()).isTrue();
    assertThat(outcome.address().postage()).isEqualTo(postage);
  }

  @Test
  void theAddressIsTheLinesPrintedInTheWindowWhateverTheirDrawingOrder() {
    PrecompiledOutcome outcome =
        check(
            aPrecompiledLetter()
                .withAddress(
                    "Dr Ann Marie Jones", "Flat 2, Rose Court", "12 Long Lane", "Leeds", "LS1 4AP")
                .withAddressDrawnInRandomOrder(7));

    assertThat(outcome.address().normalisedLines())
        .containsExactly(
            "Dr Ann Marie Jones", "Flat 2, Rose Court", "12 Long Lane", "Leeds", "LS1 4AP");
  }

  @Test
  void ligaturesAreReadAsTheirLetters() {
    PrecompiledOutcome outcome =
        check(aPrecompiledLetter().withAddress("Ms A Person", "1 Fair\uFB01eld", "SW1A 1AA"));

    assertThat(outcome.address().normalisedLines()).contains("1 Fairfield");
  }

  @Test
  void textJustOutsideTheWidenedWindowIsNotRead() {
    PrecompiledOutcome outcome =
        check(
            aPrecompiledLetter()
                .withText(1, 124.5, 44, "Reference")
                .withText(1, 124.5, 50, "12345")
                .withText(1, 30, 30, "Department of Letters"));

    assertThat(outcome.address().normalisedLines())
        .containsExactly("Ms A Person", "1 High Street", "London", "SW1A 1AA");
  }

  @Test
  void notifysSharedClientTestPdfFailsOnItsMarginsAndWouldOnItsAddress() {
    assertFailed(
        check(notifyPreviewRender().withMark(1, 4.4, 250, 12)),
        "content-outside-printable-area",
        1);
    assertFailed(check(notifyPreviewRender()), "not-a-real-uk-postcode", 1);
  }

  /** The shape of one_page_pdf.pdf (notify-letters.md §8.4), without its QR code in the margin. */
  private static PrecompiledLetterBuilder notifyPreviewRender() {
    return aPrecompiledLetter()
        .withMediaBox(new PDRectangle(595, 841))
        .withAddress("TEST", "TEST", "TEST", "TEST", "TEST", "TEST")
        .withText(1, 25, 40.8, "000_000_0000000_000000_0000_00000");
  }

  private static PrecompiledOutcome check(PrecompiledLetterBuilder letter) {
    return PrecompiledCheck.check(letter.build(), false);
  }

  private static void assertFailed(PrecompiledOutcome outcome, String message, Integer... pages) {
    assertThat(outcome.message()).isEqualTo(message);
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.invalidPages()).isEqualTo(List.of(pages));
    assertThat(outcome.address()).isNull();
    assertThat(outcome.sanitised()).isNull();
  }

  private static void assertUnreadable(PrecompiledOutcome outcome) {
    assertThat(outcome.message()).isEqualTo("unable-to-read-the-file");
    assertThat(outcome.invalidPages()).isNull();
    assertThat(outcome.pageCount()).isZero();
    assertThat(outcome.address()).isNull();
    assertThat(outcome.sanitised()).isNull();
  }
}
