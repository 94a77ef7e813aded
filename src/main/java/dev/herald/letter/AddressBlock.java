package dev.herald.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes template-preview's address block onto page 1: a white rectangle over the window, the
 * address in 8 pt on 8.5 pt lines raised 2 pt, left at 24.6 mm with the last line on the window's
 * bottom edge, and the white NOTIFY tag in 6 pt at 1.8 mm, 1.8 mm when it is missing; in Liberation
 * Sans (Arial's metrics), embedded as a subset.
 */
final class AddressBlock {

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final byte[] FONT_BYTES = fontBytes();
  private static final float ADDRESS_SIZE = 8;
  private static final float ADDRESS_LEADING = ADDRESS_SIZE + 0.5f;
  private static final float ADDRESS_RISE = 2;
  private static final float TAG_SIZE = 6;
  private static final double TAG_FROM_EDGES_MM = 1.8;

  private AddressBlock() {}

  static void write(PDDocument document, PDPage page, List<String> lines, boolean tagged)
      throws IOException {
    PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
    PageFrame frame = PageFrame.of(page);
    try (PDPageContentStream content =
        new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
      content.transform(frame.displayToUser());
      float height = frame.displayHeight();
      cover(content, height);
      writeAddress(content, font, height, lines);
      if (!tagged) {
        writeTag(content, font, height);
      }
    }
  }

  private static void cover(PDPageContentStream content, float height) throws IOException {
    MmBox window = LetterAreas.ADDRESS_WINDOW;
    content.setNonStrokingColor(1f);
    content.addRect(
        points(window.left()),
        height - points(window.bottom()),
        points(window.right() - window.left()),
        points(window.bottom() - window.top()));
    content.fill();
  }

  private static void writeAddress(
      PDPageContentStream content, PDType0Font font, float height, List<String> lines)
      throws IOException {
    MmBox window = LetterAreas.ADDRESS_WINDOW;
    float lastBaseline = height - points(window.bottom());
    content.beginText();
    content.setNonStrokingColor(0f);
    content.setFont(font, ADDRESS_SIZE);
    content.setLeading(ADDRESS_LEADING);
    content.setTextRise(ADDRESS_RISE);
    content.newLineAtOffset(
        points(window.left()), lastBaseline + ADDRESS_LEADING * (lines.size() - 1));
    for (String line : lines) {
      content.showText(printable(font, line));
      content.newLine();
    }
    content.endText();
  }

  private static void writeTag(PDPageContentStream content, PDType0Font font, float height)
      throws IOException {
    float ascent = font.getFontDescriptor().getAscent() / 1000 * TAG_SIZE;
    content.beginText();
    content.setNonStrokingColor(1f);
    content.setFont(font, TAG_SIZE);
    content.setTextRise(0);
    content.newLineAtOffset(points(TAG_FROM_EDGES_MM), height - points(TAG_FROM_EDGES_MM) - ascent);
    content.showText(PrecompiledCheck.NOTIFY_TAG);
    content.endText();
  }

  /** The line composed again (NFC) for its accented letters, a character the font lacks as "?". */
  private static String printable(PDType0Font font, String line) {
    StringBuilder text = new StringBuilder();
    Normalizer.normalize(line, Normalizer.Form.NFC)
        .codePoints()
        .forEach(c -> text.appendCodePoint(hasGlyph(font, c) ? c : '?'));
    return text.toString();
  }

  private static boolean hasGlyph(PDType0Font font, int codePoint) {
    try {
      font.encode(Character.toString(codePoint));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static float points(double mm) {
    return (float) (mm / MmBox.MM_PER_POINT);
  }

  private static byte[] fontBytes() {
    try (InputStream in = AddressBlock.class.getResourceAsStream(FONT)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
