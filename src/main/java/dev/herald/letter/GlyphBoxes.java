package dev.herald.letter;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.util.Matrix;

/**
 * The box a glyph fills on the displayed page: its advance wide and from its font's descent to its
 * ascent high, as PyMuPDF draws a character's box.
 */
final class GlyphBoxes {

  private static final float DEFAULT_ASCENT = 0.8f;
  private static final float DEFAULT_DESCENT = -0.2f;

  private GlyphBoxes() {}

  /**
   * The glyph drawn with text rendering matrix {@code trm}, which maps text space to user space.
   */
  static MmBox of(Matrix trm, PDFont font, int code, PageFrame frame) throws IOException {
    float advance =
        font.isVertical() ? font.getWidth(code) / 1000 : font.getDisplacement(code).getX();
    float ascent = DEFAULT_ASCENT;
    float descent = DEFAULT_DESCENT;
    PDFontDescriptor descriptor = font.getFontDescriptor();
    if (!(font instanceof PDType3Font) && descriptor != null && descriptor.getAscent() > 0) {
      ascent = descriptor.getAscent() / 1000;
      descent = Math.min(descriptor.getDescent(), 0) / 1000;
    }
    MmBox box = corner(trm, frame, 0, descent);
    box = box.union(corner(trm, frame, advance, descent));
    box = box.union(corner(trm, frame, 0, ascent));
    return box.union(corner(trm, frame, advance, ascent));
  }

  /** Where the glyph's origin (on its baseline) lands, in millimetres down the displayed page. */
  static double baselineMm(Matrix trm, PageFrame frame) {
    return frame.toDisplayMm(trm.getTranslateX(), trm.getTranslateY()).y;
  }

  private static MmBox corner(Matrix trm, PageFrame frame, float x, float y) {
    Point2D.Float user = trm.transformPoint(x, y);
    Point2D.Double mm = frame.toDisplayMm(user.x, user.y);
    return new MmBox(mm.x, mm.y, mm.x, mm.y);
  }
}
