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
import org.apache.pdfbox.util.Matrix;

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

  /**
   * Called with each run of text the stripper found between gaps; split at its spaces into words,
   * as PyMuPDF splits them.
   */
  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    List<TextPosition> word = new ArrayList<>();
    for (TextPosition glyph : positions) {
      if (glyph.getUnicode().isBlank()) {
        addWord(word);
        word.clear();
      } else {
        word.add(glyph);
      }
    }
    addWord(word);
  }

  private void addWord(List<TextPosition> glyphs) throws IOException {
    if (glyphs.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    MmBox box = null;
    for (TextPosition glyph : glyphs) {
      text.append(glyph.getUnicode());
      MmBox glyphBox =
          GlyphBoxes.of(
              glyph.getTextMatrix(), glyph.getFont(), glyph.getCharacterCodes()[0], frame);
      box = box == null ? glyphBox : box.union(glyphBox);
    }
    Matrix first = glyphs.getFirst().getTextMatrix();
    double sizeMm = Math.abs(first.getScalingFactorY()) * MmBox.MM_PER_POINT;
    current.add(new Word(text.toString(), box, GlyphBoxes.baselineMm(first, frame), sizeMm));
  }
}
