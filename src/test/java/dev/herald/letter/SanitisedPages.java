package dev.herald.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads back what a sanitised letter holds, for the tests. */
final class SanitisedPages {

  private SanitisedPages() {}

  /** Page 1's words in an area, as the check reads them. */
  static String firstPageTextIn(byte[] pdf, MmBox area) {
    return Word.textIn(firstPageWords(pdf), area);
  }

  static List<Word> firstPageWords(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return PageWords.of(document).getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All of page 1's text as PDFBox's plain text stripper reads it. */
  static String firstPageText(byte[] pdf) {
    return pageText(pdf, 1);
  }

  /** All of a page's text (1-based) as PDFBox's plain text stripper reads it. */
  static String pageText(byte[] pdf, int page) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      return stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
