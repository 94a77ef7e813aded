package dev.herald.letter;

/** A rectangle on a page as it is read, in millimetres from the page's top-left corner. */
record MmBox(double left, double top, double right, double bottom) {

  static final double MM_PER_POINT = 25.4 / 72;

  /** This box grown by {@code mm} on every side. */
  MmBox widened(double mm) {
    return new MmBox(left - mm, top - mm, right + mm, bottom + mm);
  }

  /** Whether the two boxes share some area, as PyMuPDF's {@code Rect.intersects} decides. */
  boolean intersects(MmBox other) {
    return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
  }

  /** The smallest box holding both. */
  MmBox union(MmBox other) {
    return new MmBox(
        Math.min(left, other.left),
        Math.min(top, other.top),
        Math.max(right, other.right),
        Math.max(bottom, other.bottom));
  }
}
