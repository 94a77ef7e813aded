package dev.herald.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.template.LetterBody;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

  private static final float POINTS_PER_MM = 72 / 25.4f;

  private static LetterPdf.Page page(String body) {
    return new LetterPdf.Page(
        List.of("Ms A Smith", "1 High Street & Sons", "Leeds", "LS1 1AA"),
        LetterBody.contactBlock("The Office\n((office))\nLondon", Map.of("office", "Room <2>")),
        LocalDate.of(2026, 8, 5),
        LetterBody.subject("Your &amp; claim"),
        LetterBody.html(body, QrCodes::image));
  }

  @Test
  void printsTheAddressInTheEnvelopeWindowInCapitals() throws IOException {
    LetterPdf.Rendered rendered = LetterPdf.render(page("Dear Ms Smith,\n\nThank you."));
    try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
      assertThat(rendered.pages()).isEqualTo(1);
      String window = textIn(pdf.getPage(0), 24.6f, 39.5f, 85f, 26.8f);
      assertThat(window.strip().split("\\R"))
          .containsExactly("MS A SMITH", "1 HIGH STREET & SONS", "LEEDS", "LS1 1AA");
      assertThat(textIn(pdf.getPage(0), 125, 30, 70, 53)).contains("Room <2>", "The Office");
      String all = new PDFTextStripper().getText(pdf);
      assertThat(all).contains("5 August 2026", "Your & claim", "Dear Ms Smith,", "Page 1 of 1");
      assertThat(pdf.getPage(0).getMediaBox().getWidth() / POINTS_PER_MM).isCloseTo(210, within());
      assertThat(pdf.getPage(0).getMediaBox().getHeight() / POINTS_PER_MM).isCloseTo(297, within());
    }
  }

  @Test
  void aRenderedLetterPassesTheChecksAnUploadedOneMust() {
    String body =
        "Dear Ms Smith,\n\n" + "A long paragraph of the letter. ".repeat(200) + "\n\nqr: x";
    LetterPdf.Rendered rendered = LetterPdf.render(page(body));
    PrecompiledOutcome outcome = PrecompiledCheck.check(rendered.pdf(), false);
    assertThat(outcome.message()).isNull();
    assertThat(outcome.pageCount()).isEqualTo(rendered.pages()).isGreaterThan(1);
    assertThat(outcome.address().normalisedLines())
        .containsExactly("MS A SMITH", "1 HIGH STREET & SONS", "LEEDS", "LS1 1AA");
  }

  @Test
  void aBilingualLetterIsWelshThenEnglishEachPartNumberedOnItsOwnAndTaggedOnce()
      throws IOException {
    LetterPdf.Page english = page("Dear Ms Smith,\n\n---\n\nPage two");
    LetterPdf.Page welsh =
        new LetterPdf.Page(
            english.addressLines(),
            english.contactBlockHtml(),
            english.date(),
            LetterBody.subject("Eich cais"),
            LetterBody.html("Annwyl Ms Smith,", QrCodes::image),
            LetterPdf.Language.WELSH,
            true);
    LetterPdf.Page englishAfter =
        new LetterPdf.Page(
            english.addressLines(),
            english.contactBlockHtml(),
            english.date(),
            english.subjectHtml(),
            english.bodyHtml(),
            LetterPdf.Language.ENGLISH,
            false);

    LetterPdf.Rendered rendered = LetterPdf.render(List.of(welsh, englishAfter));
    assertThat(rendered.pages()).isEqualTo(3);
    try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
      assertThat(pageText(pdf, 1)).contains("5 Awst 2026", "Eich cais", "Tudalen 1 o 1", "NOTIFY");
      assertThat(pageText(pdf, 2))
          .contains("5 August 2026", "Dear Ms Smith,", "Page 1 of 2")
          .doesNotContain("NOTIFY");
      assertThat(pageText(pdf, 3)).contains("Page two", "Page 2 of 2");
    }
    assertThat(PrecompiledCheck.check(rendered.pdf(), false).message()).isNull();
  }

  private static String pageText(PDDocument pdf, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(pdf);
  }

  @Test
  void aRuleBreaksThePageAndEveryPageIsNumbered() throws IOException {
    LetterPdf.Rendered rendered = LetterPdf.render(page("One\n\n---\n\nTwo\n\n***\n\nThree"));
    assertThat(rendered.pages()).isEqualTo(3);
    try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Page 1 of 3", "Page 3 of 3");
      PDFTextStripper third = new PDFTextStripper();
      third.setStartPage(3);
      assertThat(third.getText(pdf)).contains("Three").doesNotContain("Two");
    }
  }

  @Test
  void countsTheUnusualLengthOfALongLetter() {
    String body = "A paragraph of the letter that goes on for a while.\n\n".repeat(400);
    assertThat(LetterPdf.render(page(body)).pages()).isGreaterThan(10);
  }

  @Test
  void drawsAQrCodeForAQrParagraph() throws IOException {
    LetterPdf.Rendered rendered =
        LetterPdf.render(page("Scan this:\n\nqr: https://www.gov.uk/check\n\nThanks"));
    try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
      var resources = pdf.getPage(0).getResources();
      List<PDImageXObject> images = new java.util.ArrayList<>();
      for (var name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image) {
          images.add(image);
        }
      }
      assertThat(images).hasSize(1);
      // One pixel a module, four modules of white around the code, a finder square at each
      // corner but the bottom right's.
      var code =
          io.nayuki.qrcodegen.QrCode.encodeText(
              "https://www.gov.uk/check", io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
      var image = images.getFirst().getImage();
      assertThat(image.getWidth()).isEqualTo(code.size + 8);
      assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
      assertThat(image.getRGB(4, 4) & 0xFFFFFF).isZero();
      for (int y = 0; y < code.size; y++) {
        for (int x = 0; x < code.size; x++) {
          assertThat((image.getRGB(x + 4, y + 4) & 0xFFFFFF) == 0).isEqualTo(code.getModule(x, y));
        }
      }
      assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("qr:");
    }
  }

  private static String textIn(PDPage page, float x, float y, float width, float height)
      throws IOException {
    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
    stripper.addRegion(
        "r",
        new Rectangle2D.Float(
            x * POINTS_PER_MM, y * POINTS_PER_MM, width * POINTS_PER_MM, height * POINTS_PER_MM));
    stripper.extractRegions(page);
    return stripper.getTextForRegion("r");
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(0.5f);
  }
}
