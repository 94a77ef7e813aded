package dev.herald.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Takes out of a page's content stream the text it draws in an area (template-preview redacts the
 * widened address window), rewriting each string that shows such glyphs as a {@code TJ} that draws
 * only the others, each where it was.
 */
final class WindowTextRemoval {

  private static final Operator SHOW_ADJUSTED =
      Operator.getOperator(OperatorName.SHOW_TEXT_ADJUSTED);

  private WindowTextRemoval() {}

  /** Rewrites the page's contents if it draws text in {@code area}; a form's text stays. */
  static void remove(PDDocument document, PDPage page, MmBox area) throws IOException {
    Map<Integer, Map<Integer, List<COSBase>>> cuts = WindowGlyphs.in(page, area);
    if (cuts.isEmpty()) {
      return;
    }
    List<Object> tokens = new PDFStreamParser(page).parse();
    PDStream contents = new PDStream(document);
    try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(out).writeTokens(rewritten(tokens, cuts));
    }
    page.setContents(contents);
  }

  private static List<Object> rewritten(
      List<Object> tokens, Map<Integer, Map<Integer, List<COSBase>>> cuts) {
    List<Object> out = new ArrayList<>(tokens.size());
    List<COSBase> operands = new ArrayList<>();
    int index = -1;
    for (Object token : tokens) {
      if (token instanceof Operator operator) {
        Map<Integer, List<COSBase>> strings = cuts.get(++index);
        if (strings == null) {
          out.addAll(operands);
          out.add(operator);
        } else {
          out.addAll(showing(operator, operands, strings));
        }
        operands.clear();
      } else {
        operands.add((COSBase) token);
      }
    }
    out.addAll(operands);
    return out;
  }

  /** The operator that showed text, written as the same moves followed by a TJ of the rest. */
  private static List<Object> showing(
      Operator operator, List<COSBase> operands, Map<Integer, List<COSBase>> strings) {
    List<Object> out = new ArrayList<>();
    switch (operator.getName()) {
      case OperatorName.SHOW_TEXT_ADJUSTED -> out.add(spliced((COSArray) operands.get(0), strings));
      case OperatorName.SHOW_TEXT -> out.add(array(strings.get(0)));
      case OperatorName.SHOW_TEXT_LINE -> {
        out.add(Operator.getOperator(OperatorName.NEXT_LINE));
        out.add(array(strings.get(0)));
      }
      case OperatorName.SHOW_TEXT_LINE_AND_SPACE -> {
        out.add(operands.get(0));
        out.add(Operator.getOperator(OperatorName.SET_WORD_SPACING));
        out.add(operands.get(1));
        out.add(Operator.getOperator(OperatorName.SET_CHAR_SPACING));
        out.add(Operator.getOperator(OperatorName.NEXT_LINE));
        out.add(array(strings.get(0)));
      }
      default -> throw new IllegalStateException("text cut from " + operator.getName() + ": a bug");
    }
    out.add(SHOW_ADJUSTED);
    return out;
  }

  private static COSArray spliced(COSArray original, Map<Integer, List<COSBase>> strings) {
    List<COSBase> elements = new ArrayList<>();
    int string = 0;
    for (COSBase element : original) {
      if (element instanceof COSString) {
        List<COSBase> replacement = strings.get(string++);
        if (replacement != null) {
          elements.addAll(replacement);
          continue;
        }
      }
      elements.add(element);
    }
    return array(elements);
  }

  private static COSArray array(List<COSBase> elements) {
    COSArray array = new COSArray();
    elements.forEach(array::add);
    return array;
  }
}
