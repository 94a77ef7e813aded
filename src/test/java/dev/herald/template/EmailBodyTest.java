package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailBodyTest {

  private static final String P =
      "<p style=\"Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;\">";

  @Test
  void wrapsParagraphsInNotifyStyledTagsWithLineBreaks() {
    assertThat(EmailBody.html("Hello\nthere\n\nBye"))
        .isEqualTo(P + "Hello<br />there</p>" + P + "Bye</p>");
  }

  @Test
  void escapesHtmlInTheBody() {
    assertThat(EmailBody.html("<script>alert('x')</script> & co"))
        .isEqualTo(P + "&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; co</p>");
  }

  @Test
  void rendersHeadingsAsStyledH2AndH3AndSmallerOnesAsParagraphs() {
    assertThat(EmailBody.html("# Big\n\n## Small\n\n### Tiny"))
        .isEqualTo(
            "<h2 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px;"
                + " line-height: 35px; font-weight: bold; color: #0B0C0C;\">Big</h2>"
                + "<h3 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px;"
                + " line-height: 25px; font-weight: bold; color: #0B0C0C;\">Small</h3>"
                + P
                + "Tiny</p>");
  }

  @Test
  void rendersBulletListsInsidePresentationTables() {
    assertThat(EmailBody.html("* one\n• two"))
        .isEqualTo(
            "<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr>"
                + "<td style=\"font-family: Helvetica, Arial, sans-serif;\">"
                + "<ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">"
                + "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;"
                + "line-height: 25px; color: #0B0C0C;\">one</li>"
                + "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;"
                + "line-height: 25px; color: #0B0C0C;\">two</li>"
                + "</ul></td></tr></table>");
  }

  @Test
  void rendersNumberedLists() {
    assertThat(EmailBody.html("1. one\n2. two"))
        .contains("list-style-type: decimal;")
        .contains(">two</li></ol>");
  }

  @Test
  void rendersCaretLinesAsInsetText() {
    assertThat(EmailBody.html("^ Inset"))
        .isEqualTo(
            "<blockquote style=\"Margin: 0 0 20px 0; border-left: 10px solid #B1B4B6;"
                + "padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">"
                + P
                + "Inset</p></blockquote>");
  }

  @Test
  void doesNotTreatAnEscapedAngleBracketAsAQuote() {
    assertThat(EmailBody.html("> not a quote")).isEqualTo(P + "&gt; not a quote</p>");
  }

  @Test
  void rendersHorizontalRules() {
    assertThat(EmailBody.html("a\n\n---\n\nb"))
        .contains(
            "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">");
  }

  @Test
  void rendersLinksAndBareUrlsWithNotifyLinkStyle() {
    assertThat(EmailBody.html("[GOV.UK](https://www.gov.uk) or https://example.com/a b."))
        .isEqualTo(
            P
                + "<a style=\"word-wrap: break-word; color: #1D70B8;\" href=\"https://www.gov.uk\">"
                + "GOV.UK</a> or <a style=\"word-wrap: break-word; color: #1D70B8;\""
                + " href=\"https://example.com/a\">https://example.com/a</a> b.</p>");
  }

  @Test
  void leavesEmphasisMarkersAlone() {
    assertThat(EmailBody.html("*not* _emphasis_ `code`"))
        .isEqualTo(P + "*not* _emphasis_ `code`</p>");
  }

  @Test
  void stopsGovUkFromBeingLinkedByMailClients() {
    assertThat(EmailBody.html("Visit GOV.UK today")).isEqualTo(P + "Visit GOV.\u200BUK today</p>");
  }

  @Test
  void writesThePlainTextVersion() {
    assertThat(EmailBody.plainText("# Title\n\nHello \"you\"\n\n* a\n* b\n\n[Link](https://x.org)"))
        .isEqualTo(
            "Title\n" + "=".repeat(65) + "\n\nHello “you”\n\n• a\n• b\n\nLink: https://x.org\n");
  }

  @Test
  void rendersBothPartsAsEachAloneWhetherOrNotEscapingChangesTheBody() {
    for (String body :
        List.of(
            "Dear Ada,\n\n# Title\n\n* one\n• two\n\n^ Inset \"quoted\" - [GOV.UK](https://x.org)",
            "Tom & Jerry <b>bold</b>\n\n> not a quote\n\n1. one\n2. two",
            "&amp; &copy; kept\n\n---\n\nhttps://example.com/a b.",
            "")) {
      assertThat(EmailBody.parts(body))
          .isEqualTo(new EmailBody.Parts(EmailBody.html(body), EmailBody.plainText(body)));
    }
  }

  @Test
  void measuresUtf8Bytes() {
    assertThat(EmailBody.utf8ByteLength("é€a")).isEqualTo(6);
    assertThat(EmailBody.isTooLong("a".repeat(EmailBody.MAX_BYTES))).isFalse();
    assertThat(EmailBody.isTooLong("é".repeat(EmailBody.MAX_BYTES / 2 + 1))).isTrue();
  }
}
