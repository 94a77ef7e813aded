package dev.herald.letter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * Notify's printable-area check: each page rasterised, its allowed zones painted white, and the
 * page refused if a single pixel is left that is not white.
 */
final class PrintableArea {

  /**
   * 72 dpi: one pixel is 0.35 mm, so a 0.5 mm mark covers at least half of some pixel and, with
   * anti-aliasing, greys it well below white. A page of text renders in 10 ms at 72 dpi and 25 ms
   * at pdf2image's default of 200 dpi (2 cores, PrecompiledCheckTiming's letter).
   */
  static final float DPI = 72;

  private static final float SCALE = DPI / 72;
  private static final double PIXELS_PER_MM = DPI / 25.4;
  private static final int WHITE = 0xFFFFFF;

  private PrintableArea() {}

  /** The pages (1-based) with ink outside their allowed zones. */
  static List<Integer> pagesWithInkOutside(PDDocument document) throws IOException {
    PDFRenderer renderer = new PDFRenderer(document);
    List<Integer> invalid = new ArrayList<>();
    for (int i = 0; i < document.getNumberOfPages(); i++) {
      BufferedImage page = renderer.renderImage(i, SCALE, ImageType.RGB, RenderDestination.PRINT);
      paintWhite(page, LetterAreas.printable(i));
      if (hasInk(page)) {
        invalid.add(i + 1);
      }
    }
    return invalid;
  }

  private static void paintWhite(BufferedImage page, List<MmBox> zones) {
    Graphics2D graphics = page.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      for (MmBox zone : zones) {
        graphics.fill(
            new Rectangle2D.Double(
                zone.left() * PIXELS_PER_MM,
                zone.top() * PIXELS_PER_MM,
                (zone.right() - zone.left()) * PIXELS_PER_MM,
                (zone.bottom() - zone.top()) * PIXELS_PER_MM));
      }
    } finally {
      graphics.dispose();
    }
  }

  private static boolean hasInk(BufferedImage page) {
    for (int pixel : ((DataBufferInt) page.getRaster().getDataBuffer()).getData()) {
      if ((pixel & WHITE) != WHITE) {
        return true;
      }
    }
    return false;
  }
}
