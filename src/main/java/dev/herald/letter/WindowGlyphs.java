package dev.herald.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Finds the glyphs that a page's own content stream draws in an area, and for each string that
 * shows one, the {@code TJ} elements that draw the rest: the kept glyphs' bytes, and in place of
 * each run of removed glyphs the adjustment that moves the pen as far as they would have. Forms
 * ({@code Do}) are not entered: their text is only covered.
 */
final class WindowGlyphs extends PDFStreamEngine {

  private final PageFrame frame;
  private final MmBox area;
  private final Map<Integer, Map<Integer, List<COSBase>>> cuts = new HashMap<>();
  private int depth;
  private int operator = -1;
  private int string;
  private List<Boolean> inside = new ArrayList<>();

  private WindowGlyphs(PageFrame frame, MmBox area) {
    this.frame = frame;
    this.area = area;
    List.of(
            new BeginText(this),
            new EndText(this),
            new Save(this),
            new Restore(this),
            new Concatenate(this),
            new SetMatrix(this),
            new SetGraphicsStateParameters(this),
            new SetFontAndSize(this),
            new SetCharSpacing(this),
            new SetWordSpacing(this),
            new SetTextHorizontalScaling(this),
            new SetTextLeading(this),
            new SetTextRenderingMode(this),
            new SetTextRise(this),
            new MoveText(this),
            new MoveTextSetLeading(this),
            new NextLine(this))
        .forEach(this::addOperator);
    List.of(
            new ShowText(this),
            new ShowTextAdjusted(this),
            new ShowTextLine(this),
            new ShowTextLineAndSpace(this))
        .forEach(this::addOperator);
  }

  /**
   * By the index of the page's operator (0 for its first), then by the index of the string among
   * that operator's strings: the elements that replace the string.
   */
  static Map<Integer, Map<Integer, List<COSBase>>> in(PDPage page, MmBox area) throws IOException {
    WindowGlyphs glyphs = new WindowGlyphs(PageFrame.of(page), area);
    glyphs.processPage(page);
    return glyphs.cuts;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    if (depth == 0) {
      this.operator++;
      string = 0;
    }
    depth++;
    try {
      super.processOperator(operator, operands);
    } finally {
      depth--;
    }
  }

  @Override
  protected void showText(byte[] bytes) throws IOException {
    inside = new ArrayList<>();
    super.showText(bytes);
    PDTextState state = getGraphicsState().getTextState();
    if (inside.contains(Boolean.TRUE) && state.getFont() != null && state.getFontSize() != 0) {
      cuts.computeIfAbsent(operator, key -> new HashMap<>()).put(string, kept(bytes, state));
    }
    string++;
  }

  @Override
  protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement)
      throws IOException {
    inside.add(GlyphBoxes.of(trm, font, code, frame).intersects(area));
  }

  private List<COSBase> kept(byte[] bytes, PDTextState state) throws IOException {
    List<COSBase> elements = new ArrayList<>();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    float skipped = 0;
    InputStream in = new ByteArrayInputStream(bytes);
    for (int glyph = 0; in.available() > 0; glyph++) {
      int start = bytes.length - in.available();
      int code = state.getFont().readCode(in);
      int length = bytes.length - in.available() - start;
      if (inside.get(glyph)) {
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
}
