package dev.herald.letter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads the words of every page with their boxes on the displayed page, sorted by position. */
final class PageWords extends PDFTextStripper {

  private final List<List<Word>> pages = new ArrayList<>();
  private PageFrame frame;
  private List<Word> current;

  private PageWords(int pageCount) {
    pages.addAll(Collections.nCopies(pageCount, List.of()));
    setSortByPosition(true);
    setShouldSeparateByBeads(false);
  }

  /** The words of each page, in page order (none for a page without contents). */
  static List<List<Word>> of(PDDocument document) throws IOException {
    PageWords reader = new PageWords(document.getNumberOfPages());
    reader.writeText(document, Writer.nullWriter());
    return reader.pages;
  }

  @Override
  protected void startPage(PDPage page) {
    frame = PageFrame.of(page).cropRelative();
    current = new ArrayList<>();
    pages.set(getCurrentPageNo() - 1, current);
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    if (positions.isEmpty() || text.isBlank()) {
      return;
    }
    MmBox box = null;
    for (TextPosition glyph : positions) {
      MmBox glyphBox =
          GlyphBoxes.of(
              glyph.getTextMatrix(), glyph.getFont(), glyph.getCharacterCodes()[0], frame);
      box = box == null ? glyphBox : box.union(glyphBox);
    }
    TextPosition first = positions.getFirst();
    double sizeMm = Math.abs(first.getTextMatrix().getScalingFactorY()) * MmBox.MM_PER_POINT;
    current.add(new Word(text, box, GlyphBoxes.baselineMm(first.getTextMatrix(), frame), sizeMm));
  }
}
