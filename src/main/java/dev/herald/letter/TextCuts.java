package dev.herald.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Vector;

/** How a text-showing operator is written again with some of its glyphs taken out. */
final class TextCuts {

  private static final Operator SHOW_ADJUSTED =
      Operator.getOperator(OperatorName.SHOW_TEXT_ADJUSTED);

  private TextCuts() {}

  /**
   * The {@code TJ} elements that draw {@code bytes} less the glyphs marked {@code removed}: runs of
   * kept glyphs' bytes, and in place of each run of removed glyphs the adjustment that moves the
   * pen as far as they would have.
   */
  static List<COSBase> kept(byte[] bytes, PDTextState state, List<Boolean> removed)
      throws IOException {
    List<COSBase> elements = new ArrayList<>();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    float skipped = 0;
    InputStream in = new ByteArrayInputStream(bytes);
    for (int glyph = 0; in.available() > 0; glyph++) {
      int start = bytes.length - in.available();
      int code = state.getFont().readCode(in);
      int length = bytes.length - in.available() - start;
      if (removed.get(glyph)) {
        flush(run, elements);
        skipped += advance(code, length, state);
      } else {
        if (skipped != 0) {
          elements.add(new COSFloat(-skipped));
          skipped = 0;
        }
        run.write(bytes, start, length);
      }
    }
    flush(run, elements);
    if (skipped != 0) {
      elements.add(new COSFloat(-skipped));
    }
    return elements;
  }

  private static void flush(ByteArrayOutputStream run, List<COSBase> elements) {
    if (run.size() > 0) {
      elements.add(new COSString(run.toByteArray()));
      run.reset();
    }
  }

  /** How far a glyph moves the pen, in the thousandths of text space that TJ adjusts by. */
  private static float advance(int code, int length, PDTextState state) throws IOException {
    PDFont font = state.getFont();
    Vector width = font.getDisplacement(code);
    float spacing =
        state.getCharacterSpacing() + (length == 1 && code == 32 ? state.getWordSpacing() : 0);
    return (font.isVertical() ? width.getY() : width.getX()) * 1000
        + spacing * 1000 / state.getFontSize();
  }

  /** The operator that showed text, written as the same moves followed by a TJ of the rest. */
  static List<Object> showing(
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
