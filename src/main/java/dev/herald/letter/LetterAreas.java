package dev.herald.letter;

import java.util.List;

/**
 * Where a precompiled letter may print, as template-preview measures it (notify-letters.md §2.2,
 * §2.3): the allowed zones of page 1 and of later pages, the address window and the NOTIFY tag box.
 */
final class LetterAreas {

  static final MmBox ADDRESS_WINDOW = new MmBox(24.6, 39.5, 120, 66.3);

  /** The window searched for the address and cleared of its text: 3 mm wider on every side. */
  static final MmBox ADDRESS_SEARCH = ADDRESS_WINDOW.widened(3);

  static final MmBox NOTIFY_TAG = new MmBox(0, 0, 15.191, 6.149);

  /** Each zone is checked 1 mm wider on every side, against anti-aliasing. */
  private static final double TOLERANCE_MM = 1;

  private static final List<MmBox> FIRST_PAGE =
      List.of(
          new MmBox(15, 95, 195, 292),
          new MmBox(125, 5, 195, 95),
          new MmBox(15, 5, 125, 30),
          ADDRESS_WINDOW);

  private static final List<MmBox> LATER_PAGE = List.of(new MmBox(15, 5, 195, 292));

  private LetterAreas() {}

  /** The zones of a page (0 for the first) where ink is allowed, already widened by 1 mm. */
  static List<MmBox> printable(int pageIndex) {
    return (pageIndex == 0 ? FIRST_PAGE : LATER_PAGE)
        .stream().map(zone -> zone.widened(TOLERANCE_MM)).toList();
  }
}
