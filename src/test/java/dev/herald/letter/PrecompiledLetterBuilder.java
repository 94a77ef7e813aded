package dev.herald.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Precompiled letters made with PDFBox for the tests: A4 pages of body text, an address in the
 * window and a contact block on page 1, and whatever a test adds, placed in millimetres from the
 * displayed page's top-left corner.
 */
final class PrecompiledLetterBuilder {

  static final double MM = 72 / 25.4;
  private static final byte[] FONT = font();
  private static final String BODY =
      "Your application has been received and we will write to you again within 20 days.";

  /** Something drawn on one page, in displayed millimetres. */
  interface Drawing {
    void draw(Canvas canvas) throws IOException;
  }

  /** One page's content stream with the letter's font, taking displayed millimetres. */
  record Canvas(PDPageContentStream content, PDType0Font font, float height) {

    void text(double xMm, double baselineMm, float size, String text, float gray)
        throws IOException {
      content.beginText();
      content.setNonStrokingColor(gray);
      content.setFont(font, size);
      content.newLineAtOffset((float) (xMm * MM), (float) (height - baselineMm * MM));
      content.showText(text);
      content.endText();
    }

    void mark(double xMm, double yMm, double widthMm, double heightMm) throws IOException {
      content.setNonStrokingColor(0f);
      content.addRect(
          (float) (xMm * MM),
          (float) (height - (yMm + heightMm) * MM),
          (float) (widthMm * MM),
          (float) (heightMm * MM));
      content.fill();
    }

    /** One TJ: {@code first}, a move of {@code adjustment} thousandths, then {@code second}. */
    void textRun(
        double xMm, double baselineMm, float size, String first, float adjustment, String second)
        throws IOException {
      content.beginText();
      content.setNonStrokingColor(0f);
      content.setFont(font, size);
      content.newLineAtOffset((float) (xMm * MM), (float) (height - baselineMm * MM));
      content.showTextWithPositioning(new Object[] {first, adjustment, second});
      content.endText();
    }
  }

  /** How wide the letters' font sets {@code text} at {@code size} points, in millimetres. */
  static double widthMm(String text, float size) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT), false);
      return font.getStringWidth(text) / 1000 * size / MM;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PDRectangle size = PDRectangle.A4;
  private Integer rotate;
  private int pages = 1;
  private int bodyLines = 36;
  private List<String> address = List.of("Ms A Person", "1 High Street", "London", "SW1A 1AA");
  private Random shuffle;
  private boolean encrypted;
  private final List<List<Drawing>> drawings = new ArrayList<>();
  private final List<DocumentChange> changes = new ArrayList<>();

  /** A change made to the whole document before it is saved. */
  interface DocumentChange {
    void apply(PDDocument document) throws IOException;
  }

  static PrecompiledLetterBuilder aPrecompiledLetter() {
    return new PrecompiledLetterBuilder();
  }

  PrecompiledLetterBuilder withPages(int pages) {
    this.pages = pages;
    return this;
  }

  PrecompiledLetterBuilder withBodyLines(int bodyLines) {
    this.bodyLines = bodyLines;
    return this;
  }

  PrecompiledLetterBuilder withMediaBox(PDRectangle size) {
    this.size = size;
    return this;
  }

  /** A landscape A4 MediaBox with this {@code /Rotate}, drawn so that it displays portrait. */
  PrecompiledLetterBuilder landscapeRotated(int rotate) {
    this.size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    this.rotate = rotate;
    return this;
  }

  /** A raw {@code /Rotate} on every page, the drawing left as it is. */
  PrecompiledLetterBuilder withRotate(int rotate) {
    this.rotate = rotate;
    return this;
  }

  PrecompiledLetterBuilder withAddress(String... lines) {
    this.address = List.of(lines);
    return this;
  }

  /** Each word of the address drawn on its own, in a shuffled order. */
  PrecompiledLetterBuilder withAddressDrawnInRandomOrder(long seed) {
    this.shuffle = new Random(seed);
    return this;
  }

  /** Something drawn on page {@code page} (1-based). */
  PrecompiledLetterBuilder with(int page, Drawing drawing) {
    while (drawings.size() < page) {
      drawings.add(new ArrayList<>());
    }
    drawings.get(page - 1).add(drawing);
    return this;
  }

  PrecompiledLetterBuilder withMark(int page, double xMm, double yMm, double sizeMm) {
    return with(page, canvas -> canvas.mark(xMm, yMm, sizeMm, sizeMm));
  }

  PrecompiledLetterBuilder withText(int page, double xMm, double baselineMm, String text) {
    return with(page, canvas -> canvas.text(xMm, baselineMm, 8, text, 0f));
  }

  /** The white NOTIFY tag where template-preview writes it. */
  PrecompiledLetterBuilder withNotifyTag(int page) {
    return with(page, canvas -> canvas.text(1.8, 3.7, 6, "NOTIFY", 1f));
  }

  PrecompiledLetterBuilder with(DocumentChange change) {
    changes.add(change);
    return this;
  }

  /** Protected by an owner password only, so that PDFBox can still open it. */
  PrecompiledLetterBuilder encrypted() {
    this.encrypted = true;
    return this;
  }

  byte[] build() {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(size);
        if (rotate != null) {
          page.setRotation(rotate);
        }
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          Canvas canvas = new Canvas(content, font, uprightHeight(content));
          drawPage(canvas, i);
        }
      }
      for (DocumentChange change : changes) {
        change.apply(document);
      }
      if (encrypted) {
        document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Turns a landscape page with /Rotate 90 so that the drawing stands upright when displayed. */
  private float uprightHeight(PDPageContentStream content) throws IOException {
    if (rotate != null && rotate == 90 && size.getWidth() > size.getHeight()) {
      content.transform(new Matrix(0, 1, -1, 0, size.getWidth(), 0));
      return size.getWidth();
    }
    return size.getHeight();
  }

  private void drawPage(Canvas canvas, int index) throws IOException {
    double top = index == 0 ? 105 : 20;
    for (int line = 0; line < bodyLines && top + line * 5 < 285; line++) {
      canvas.text(20, top + line * 5, 10, BODY, 0f);
    }
    canvas.text(170, 288, 10, "Page " + (index + 1) + " of " + pages, 0f);
    if (index == 0) {
      drawAddress(canvas);
      canvas.text(130, 40, 10, "Benefits Office", 0f);
      canvas.text(130, 45, 10, "PO Box 100", 0f);
    }
    if (index < drawings.size()) {
      for (Drawing drawing : drawings.get(index)) {
        drawing.draw(canvas);
      }
    }
  }

  private void drawAddress(Canvas canvas) throws IOException {
    List<Drawing> words = new ArrayList<>();
    for (int i = 0; i < address.size(); i++) {
      double baseline = 44 + i * 3;
      if (shuffle == null) {
        String line = address.get(i);
        words.add(c -> c.text(25, baseline, 8, line, 0f));
        continue;
      }
      double x = 25;
      for (String word : address.get(i).split(" ")) {
        double at = x;
        words.add(c -> c.text(at, baseline, 8, word, 0f));
        x += widthMm(word + " ", 8);
      }
    }
    if (shuffle != null) {
      Collections.shuffle(words, shuffle);
    }
    for (Drawing word : words) {
      word.draw(canvas);
    }
  }

  /** The letters' font, Liberation Sans, loaded into {@code document} to be embedded. */
  static PDType0Font font(PDDocument document) throws IOException {
    return PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
  }

  private static byte[] font() {
    try (InputStream in =
        PrecompiledLetterBuilder.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
