package dev.herald.letter;

import dev.herald.recipient.AddressProblem;
import dev.herald.recipient.PostalAddress;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a precompiled letter as template-preview does (notify-letters.md §2.2), in its order:
 * readable, at most 10 pages, A4 portrait, nothing outside the printable area, no NOTIFY tag after
 * page 1, a valid address in the window; then writes the sanitised copy (§2.3).
 */
public final class PrecompiledCheck {

  static final int MAX_PAGES = 10;
  static final String NOTIFY_TAG = "NOTIFY";

  private static final Logger log = LoggerFactory.getLogger(PrecompiledCheck.class);

  private PrecompiledCheck() {}

  /**
   * The outcome for the PDF's bytes; {@code allowInternational} is the service's permission to send
   * letters abroad.
   */
  public static PrecompiledOutcome check(byte[] pdf, boolean allowInternational) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.isEncrypted() || document.getNumberOfPages() == 0) {
        return PrecompiledOutcome.unreadable();
      }
      return checked(document, allowInternational);
    } catch (Exception e) {
      // Notify's rule: any exception at all means the file cannot be read. The message may quote
      // the letter's text, so only the kind of failure is logged.
      log.info("Precompiled letter unreadable: {}", e.getClass().getName());
      return PrecompiledOutcome.unreadable();
    }
  }

  private static PrecompiledOutcome checked(PDDocument document, boolean allowInternational)
      throws IOException {
    int pages = document.getNumberOfPages();
    if (pages > MAX_PAGES) {
      return PrecompiledOutcome.failed("letter-too-long", null, pages);
    }
    List<Integer> invalid = PageSizes.notA4Portrait(document);
    if (!invalid.isEmpty()) {
      return PrecompiledOutcome.failed("letter-not-a4-portrait-oriented", invalid, pages);
    }
    invalid = PrintableArea.pagesWithInkOutside(document);
    if (!invalid.isEmpty()) {
      return PrecompiledOutcome.failed("content-outside-printable-area", invalid, pages);
    }
    return checkedText(document, PageWords.of(document), allowInternational);
  }

  /** Checks 4 and 5, on the words of each page; then sanitises a letter that passed. */
  private static PrecompiledOutcome checkedText(
      PDDocument document, List<List<Word>> words, boolean allowInternational) throws IOException {
    int pages = words.size();
    List<Integer> tagged = pagesAfterFirstWithTag(words);
    if (!tagged.isEmpty()) {
      return PrecompiledOutcome.failed("notify-tag-found-in-content", tagged, pages);
    }
    PostalAddress address = PostalAddress.of(addressText(words.getFirst()), allowInternational);
    Optional<AddressProblem> problem = address.problem();
    if (problem.isPresent()) {
      return PrecompiledOutcome.failed(problem.get().reason(), List.of(1), pages);
    }
    byte[] sanitised =
        SanitisedLetter.write(document, address.normalisedLines(), hasTag(words.getFirst()));
    return PrecompiledOutcome.passed(pages, address, sanitised);
  }

  /** The text read from the widened address window, NFKD-normalised as Notify does. */
  static String addressText(List<Word> firstPage) {
    return Normalizer.normalize(
        Word.textIn(firstPage, LetterAreas.ADDRESS_SEARCH), Normalizer.Form.NFKD);
  }

  static boolean hasTag(List<Word> page) {
    return Word.textIn(page, LetterAreas.NOTIFY_TAG).equals(NOTIFY_TAG);
  }

  private static List<Integer> pagesAfterFirstWithTag(List<List<Word>> words) {
    List<Integer> tagged = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      if (hasTag(words.get(i))) {
        tagged.add(i + 1);
      }
    }
    return tagged;
  }
}
