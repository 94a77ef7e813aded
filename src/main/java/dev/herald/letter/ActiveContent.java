package dev.herald.letter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether a PDF carries content that acts rather than prints: JavaScript (in the names tree, an
 * open action, page, annotation or form-field actions, anywhere), launch actions, embedded files or
 * file attachment annotations. Herald asks it when no virus scanner is configured.
 */
public final class ActiveContent {

  /** The kinds found, each described without the content itself, in this order. */
  private enum Kind {
    JAVASCRIPT("JavaScript"),
    LAUNCH("launch action"),
    EMBEDDED_FILE("embedded file"),
    FILE_ATTACHMENT("file attachment annotation");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private static final COSName LAUNCH = COSName.getPDFName("Launch");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

  private ActiveContent() {}

  /**
   * A short description of the active content found, such as "JavaScript, embedded file", or
   * nothing; a file that cannot be read gives nothing (the precompiled check refuses it).
   */
  public static Optional<String> find(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Set<Kind> found = EnumSet.noneOf(Kind.class);
      COSDocument objects = document.getDocument();
      inspect(objects.getTrailer(), found);
      for (COSObjectKey key : new ArrayList<>(objects.getXrefTable().keySet())) {
        inspect(objects.getObjectFromPool(key).getObject(), found);
      }
      return found.isEmpty()
          ? Optional.empty()
          : Optional.of(
              found.stream().map(kind -> kind.description).collect(Collectors.joining(", ")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Looks at one object and the dictionaries and arrays written inside it; objects it refers to are
   * looked at in their own turn, from the cross-reference table.
   */
  private static void inspect(COSBase object, Set<Kind> found) {
    if (object instanceof COSDictionary dictionary) {
      classify(dictionary, found);
      dictionary.getValues().forEach(value -> inspect(value, found));
    } else if (object instanceof COSArray array) {
      array.forEach(element -> inspect(element, found));
    }
  }

  private static void classify(COSDictionary dictionary, Set<Kind> found) {
    COSName action = dictionary.getCOSName(COSName.S);
    if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
      found.add(Kind.JAVASCRIPT);
    }
    if (LAUNCH.equals(action)) {
      found.add(Kind.LAUNCH);
    }
    if (dictionary.containsKey(COSName.EF)
        || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
      found.add(Kind.EMBEDDED_FILE);
    }
    if (FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
      found.add(Kind.FILE_ATTACHMENT);
    }
  }
}
