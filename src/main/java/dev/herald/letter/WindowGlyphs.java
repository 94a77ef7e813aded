package dev.herald.letter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Finds the glyphs that a page draws in an area, in its own content stream and in each drawing of a
 * form, and for each string that shows one, the {@code TJ} elements that draw the rest ({@link
 * TextCuts#kept}).
 */
final class WindowGlyphs extends PDFStreamEngine {

  private final PageFrame frame;
  private final MmBox area;
  private final Deque<StreamCuts> streams = new ArrayDeque<>();
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
            new NextLine(this),
            new DrawObject(this))
        .forEach(this::addOperator);
    List.of(
            new ShowText(this),
            new ShowTextAdjusted(this),
            new ShowTextLine(this),
            new ShowTextLineAndSpace(this))
        .forEach(this::addOperator);
  }

  /** What the page drew in the area, with what each form it drew drew there. */
  static StreamCuts in(PDPage page, MmBox area) throws IOException {
    WindowGlyphs glyphs = new WindowGlyphs(PageFrame.of(page), area);
    StreamCuts cuts = new StreamCuts(null);
    glyphs.streams.push(cuts);
    glyphs.processPage(page);
    return cuts;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    StreamCuts stream = streams.element();
    if (stream.depth == 0) {
      stream.operator++;
      stream.string = 0;
    }
    stream.depth++;
    try {
      super.processOperator(operator, operands);
    } finally {
      stream.depth--;
    }
  }

  @Override
  public void showForm(PDFormXObject form) throws IOException {
    drawing(form, () -> super.showForm(form));
  }

  @Override
  public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
    drawing(group, () -> super.showTransparencyGroup(group));
  }

  /** The form's operators counted in a stream of their own, kept if they drew in the area. */
  private void drawing(PDFormXObject form, FormDrawing drawing) throws IOException {
    StreamCuts parent = streams.element();
    StreamCuts cuts = new StreamCuts(form);
    streams.push(cuts);
    try {
      drawing.draw();
    } finally {
      streams.pop();
    }
    if (!cuts.isEmpty()) {
      parent.forms.put(parent.operator, cuts);
    }
  }

  private interface FormDrawing {
    void draw() throws IOException;
  }

  @Override
  protected void showText(byte[] bytes) throws IOException {
    inside = new ArrayList<>();
    super.showText(bytes);
    PDTextState state = getGraphicsState().getTextState();
    StreamCuts stream = streams.element();
    if (inside.contains(Boolean.TRUE) && state.getFont() != null && state.getFontSize() != 0) {
      stream
          .strings
          .computeIfAbsent(stream.operator, key -> new HashMap<>())
          .put(stream.string, TextCuts.kept(bytes, state, inside));
    }
    stream.string++;
  }

  @Override
  protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement)
      throws IOException {
    inside.add(GlyphBoxes.of(trm, font, code, frame).intersects(area));
  }
}
