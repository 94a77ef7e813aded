package dev.herald.letter;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;

/**
 * Lays out a templated letter on A4 and writes it as PDF, in process: openhtmltopdf on PDFBox, with
 * Liberation Sans (metric-compatible with Arial) embedded, from {@code letter/print.css}.
 */
public final class LetterPdf {

  /**
   * What one letter (or one language's part of a bilingual letter) prints; the HTML parts are XHTML
   * fragments from {@code LetterBody}. {@code tagged}: the part that starts the letter, with the
   * NOTIFY tag.
   */
  public record Page(
      List<String> addressLines,
      String contactBlockHtml,
      LocalDate date,
      String subjectHtml,
      String bodyHtml,
      Language language,
      boolean tagged) {

    /** An English letter. */
    public Page(
        List<String> addressLines,
        String contactBlockHtml,
        LocalDate date,
        String subjectHtml,
        String bodyHtml) {
      this(addressLines, contactBlockHtml, date, subjectHtml, bodyHtml, Language.ENGLISH, true);
    }
  }

  /** The language of a letter's part: its date and "Page N of M". */
  public enum Language {
    ENGLISH("Page", "of", new String[] {}),
    WELSH(
        "Tudalen",
        "o",
        new String[] {
          "Ionawr",
          "Chwefror",
          "Mawrth",
          "Ebrill",
          "Mai",
          "Mehefin",
          "Gorffennaf",
          "Awst",
          "Medi",
          "Hydref",
          "Tachwedd",
          "Rhagfyr"
        });

    private final String page;
    private final String of;
    private final String[] months;

    Language(String page, String of, String[] months) {
      this.page = page;
      this.of = of;
      this.months = months;
    }

    String date(LocalDate date) {
      return months.length == 0
          ? DATE.format(date)
          : date.getDayOfMonth() + " " + months[date.getMonthValue() - 1] + " " + date.getYear();
    }
  }

  /** The PDF and its number of pages. */
  public record Rendered(byte[] pdf, int pages) {}

  private static final String FAMILY = "Liberation Sans";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final Pattern NOT_XML =
      Pattern.compile(
          "[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
  private static final String CSS = resource("/letter/print.css");
  private static final String TAG_CSS = resource("/letter/notify-tag.css");
  private static final int GSUB = tag("GSUB");
  private static final int UNUSED_TAG = tag("xsub");
  private static final byte[] REGULAR =
      withoutGlyphSubstitution(bytes("/liberation/LiberationSans-Regular.ttf"));
  private static final byte[] BOLD =
      withoutGlyphSubstitution(bytes("/liberation/LiberationSans-Bold.ttf"));

  // The fonts' metrics, read once: reading them again for each letter cost a third of a render.
  private static final FSCacheEx<String, FSCacheValue> METRICS = new FSDefaultCacheStore();

  static {
    // openhtmltopdf logs each font it loads at INFO, and its warnings may quote the letter's text.
    XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.SEVERE));
  }

  private LetterPdf() {}

  /**
   * A letter of several parts (a bilingual letter: Welsh, then English), each laid out on its own
   * with its own page numbers, one after the other in one PDF.
   */
  public static Rendered render(List<Page> parts) {
    if (parts.size() == 1) {
      return render(parts.getFirst());
    }
    PDFMergerUtility merger = new PDFMergerUtility();
    int pages = 0;
    for (Page part : parts) {
      Rendered rendered = render(part);
      merger.addSource(new RandomAccessReadBuffer(rendered.pdf()));
      pages += rendered.pages();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
    merger.setDestinationStream(out);
    try {
      merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(out.toByteArray(), pages);
  }

  public static Rendered render(Page page) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useCacheStore(CacheStore.PDF_FONT_METRICS, METRICS);
    builder.useFont(() -> new ByteArrayInputStream(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(document(page), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    builder.toStream(out);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      int pages = renderer.getPdfDocument().getNumberOfPages();
      renderer.getPdfDocument().save(out);
      return new Rendered(out.toByteArray(), pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page as XHTML; characters XML cannot carry are dropped. */
  static String document(Page page) {
    StringBuilder address = new StringBuilder();
    for (String line : page.addressLines()) {
      address.append(address.isEmpty() ? "" : "<br/>").append(escape(line));
    }
    String css =
        CSS.replace("{{page}}", page.language().page).replace("{{of}}", page.language().of)
            + (page.tagged() ? TAG_CSS : "");
    String html =
        "<html><head><style>"
            + css
            + "</style></head><body>"
            + "<table id=\"to\"><tr><td>"
            + address
            + "</td></tr></table>"
            + "<table id=\"from\"><tr><td>"
            + page.contactBlockHtml()
            + "</td></tr></table>"
            + "<div id=\"content\"><p>"
            + page.language().date(page.date())
            + "</p><h1>"
            + page.subjectHtml()
            + "</h1>"
            + page.bodyHtml()
            + "</div></body></html>";
    return NOT_XML.matcher(html).replaceAll("");
  }

  /**
   * The font with its GSUB table renamed, so that PDFBox does not look for glyph substitutions in
   * every run of text: for Latin text Liberation Sans substitutes nothing, and the search (regular
   * expressions compiled per run) was two thirds of a letter's render time. An embedded subset
   * never carries the table anyway.
   */
  public static byte[] withoutGlyphSubstitution(byte[] font) {
    ByteBuffer table = ByteBuffer.wrap(font);
    int tables = Short.toUnsignedInt(table.getShort(4));
    for (int i = 0; i < tables; i++) {
      int record = 12 + 16 * i;
      if (table.getInt(record) == GSUB) {
        table.putInt(record, UNUSED_TAG);
      }
    }
    return font;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static int tag(String name) {
    return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
  }

  private static String resource(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = LetterPdf.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
