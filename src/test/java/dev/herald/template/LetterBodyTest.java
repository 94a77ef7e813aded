package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LetterBodyTest {

  private static String html(String body) {
    return LetterBody.html(body, data -> "<img data=\"" + data + "\"/>");
  }

  @Test
  void aTopHeadingIsASubheadingAndOtherHeadingsAreParagraphs() {
    assertThat(html("# Top\n\n## Second\n\n### Third"))
        .isEqualTo("<h2>Top</h2><p>Second</p><p>Third</p>");
  }

  @Test
  void aRuleIsAPageBreak() {
    assertThat(html("One\n\n---\n\nTwo"))
        .isEqualTo("<p>One</p><div class=\"page-break\">&#160;</div><p>Two</p>");
  }

  @Test
  void linksStayAsWrittenAndWebAddressesAreBoldWithoutTheirScheme() {
    assertThat(html("See [the form](https://example.com/a) or https://www.gov.uk/apply."))
        .isEqualTo(
            "<p>See [the form](https://example.com/a) or <strong>www.gov.uk/apply</strong>.</p>");
  }

  @Test
  void imagesAreDroppedAndInsetTextAndCodeArePlainText() {
    assertThat(html("![logo](https://example.com/x.png)\n\n^ inset\n\n> quoted\n\n`code`"))
        .isEqualTo("<p>inset</p><p>&gt; quoted</p><p>code</p>");
  }

  @Test
  void listsAreKeptAndLinesBreakWithinAParagraph() {
    assertThat(html("* one\n* two\n\n1. first\n\nline one\nline two"))
        .isEqualTo(
            "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
                + "<p>line one<br/>line two</p>");
  }

  @Test
  void textIsEscapedForXmlWithTypography() {
    assertThat(html("Fish & chips <b> \u00A0 \"quoted\" - dashed"))
        .isEqualTo("<p>Fish &amp; chips &lt;b&gt; &#160; \u201Cquoted\u201D \u2013 dashed</p>");
  }

  @Test
  void aQrParagraphIsDrawnFromItsData() {
    assertThat(html("Scan:\n\nQR: https://www.gov.uk/check?a=1&b=2"))
        .isEqualTo(
            "<p>Scan:</p><div class=\"qrcode\"><img data=\"https://www.gov.uk/check?a=1&b=2\"/></div>");
  }

  @Test
  void findsQrDataOverTheLimit() {
    String justFits = "x".repeat(LetterBody.MAX_QR_BYTES);
    assertThat(LetterBody.tooLongQrData("qr: " + justFits)).isEmpty();
    assertThat(LetterBody.tooLongQrData("Hello\n\nqr: " + justFits + "é")).contains(justFits + "é");
    assertThat(LetterBody.tooLongQrData("no codes here")).isEmpty();
    // A long line that only starts like a code is a paragraph of text, not a code.
    assertThat(LetterBody.tooLongQrData("qr: " + justFits + "\nmore of the same paragraph"))
        .isEmpty();
    assertThat(LetterBody.tooLongQrData("  QR:  " + justFits + "xyz  ")).contains(justFits + "xyz");
  }

  @Test
  void aSubjectIsXhtmlAndNoSubjectIsEmpty() {
    assertThat(LetterBody.subject("Fish &amp; chips&nbsp;today"))
        .isEqualTo("Fish &amp; chips&#160;today");
    assertThat(LetterBody.subject(null)).isEmpty();
  }

  @Test
  void theContactBlockIsFilledEscapedAndBrokenIntoLines() {
    assertThat(LetterBody.contactBlock("A & B\n((office))\nLondon\n", Map.of("office", "<Room 2>")))
        .isEqualTo("A &amp; B<br/>&lt;Room 2&gt;<br/>London");
    assertThat(LetterBody.contactBlock(null, Map.of())).isEmpty();
  }
}
