package dev.herald.letter;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Notify's A4 portrait rule: a MediaBox of 210 × 297 mm (± 2 mm) with {@code /Rotate} absent, 0 or
 * 180, or a landscape 297 × 210 mm with {@code /Rotate} 90 or 270, so that it prints portrait.
 */
final class PageSizes {

  private static final double SHORT_MM = 210;
  private static final double LONG_MM = 297;
  private static final double TOLERANCE_MM = 2;

  private PageSizes() {}

  /** The pages (1-based) that are not A4 portrait. */
  static List<Integer> notA4Portrait(PDDocument document) {
    List<Integer> invalid = new ArrayList<>();
    for (int i = 0; i < document.getNumberOfPages(); i++) {
      if (!isA4Portrait(document.getPage(i))) {
        invalid.add(i + 1);
      }
    }
    return invalid;
  }

  private static boolean isA4Portrait(PDPage page) {
    PDRectangle media = page.getMediaBox();
    double width = media.getWidth() * MmBox.MM_PER_POINT;
    double height = media.getHeight() * MmBox.MM_PER_POINT;
    COSBase rotate = PDPageTree.getInheritableAttribute(page.getCOSObject(), COSName.ROTATE);
    if (near(width, SHORT_MM) && near(height, LONG_MM)) {
      return rotate == null || isOneOf(rotate, 0, 180);
    }
    if (near(width, LONG_MM) && near(height, SHORT_MM)) {
      return isOneOf(rotate, 90, 270);
    }
    return false;
  }

  private static boolean near(double mm, double expected) {
    return Math.abs(mm - expected) <= TOLERANCE_MM;
  }

  /** The raw value, as pypdf reads it: -90 or 450 are not 270 or 90. */
  private static boolean isOneOf(COSBase rotate, int first, int second) {
    if (!(rotate instanceof COSNumber number)) {
      return false;
    }
    float degrees = number.floatValue();
    return degrees == first || degrees == second;
  }
}
