package dev.herald.letter;

import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * A page's crop box as it is displayed and printed, turned by its {@code /Rotate}: maps points of
 * the page's user space to millimetres from the displayed top-left corner, and back.
 */
record PageFrame(int rotation, float originX, float originY, float width, float height) {

  static PageFrame of(PDPage page) {
    PDRectangle crop = page.getCropBox();
    return new PageFrame(
        page.getRotation(),
        crop.getLowerLeftX(),
        crop.getLowerLeftY(),
        crop.getWidth(),
        crop.getHeight());
  }

  /** The same page for coordinates already taken relative to the crop box's corner. */
  PageFrame cropRelative() {
    return new PageFrame(rotation, 0, 0, width, height);
  }

  /** A point of user space, in millimetres across and down from the displayed top-left corner. */
  Point2D.Double toDisplayMm(double x, double y) {
    double u = x - originX;
    double v = y - originY;
    double across;
    double down;
    switch (rotation) {
      case 90 -> {
        across = v;
        down = u;
      }
      case 180 -> {
        across = width - u;
        down = v;
      }
      case 270 -> {
        across = height - v;
        down = width - u;
      }
      default -> {
        across = u;
        down = height - v;
      }
    }
    return new Point2D.Double(across * MmBox.MM_PER_POINT, down * MmBox.MM_PER_POINT);
  }

  /** The displayed page's height in points. */
  float displayHeight() {
    return rotation == 90 || rotation == 270 ? width : height;
  }

  /**
   * The matrix from displayed points (origin at the displayed bottom-left, y upwards) to user
   * space, so that what is drawn after it stands upright on the displayed page.
   */
  Matrix displayToUser() {
    return switch (rotation) {
      case 90 -> new Matrix(0, 1, -1, 0, originX + width, originY);
      case 180 -> new Matrix(-1, 0, 0, -1, originX + width, originY + height);
      case 270 -> new Matrix(0, -1, 1, 0, originX, originY + height);
      default -> new Matrix(1, 0, 0, 1, originX, originY);
    };
  }
}
