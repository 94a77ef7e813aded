package dev.herald.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The copy of a checked letter that is printed (notify-letters.md §2.3): a new PDF holding only the
 * pages' drawing (no JavaScript, actions, embedded files, form or annotations), with page 1's
 * address window cleared and the normalised address and the NOTIFY tag written in.
 */
final class SanitisedLetter {

  /** What a page keeps: its boxes, rotation, resources, contents and transparency group. */
  private static final Set<COSName> PAGE_KEYS =
      Set.of(
          COSName.TYPE,
          COSName.MEDIA_BOX,
          COSName.CROP_BOX,
          COSName.BLEED_BOX,
          COSName.TRIM_BOX,
          COSName.ART_BOX,
          COSName.ROTATE,
          COSName.RESOURCES,
          COSName.CONTENTS,
          COSName.GROUP,
          COSName.getPDFName("UserUnit"));

  /** What the catalogue keeps: which content is optional (hidden layers stay hidden), intents. */
  private static final List<COSName> CATALOG_KEYS =
      List.of(COSName.OCPROPERTIES, COSName.OUTPUT_INTENTS, COSName.LANG);

  private SanitisedLetter() {}

  /** The sanitised PDF; {@code source} must stay open until this returns. */
  static byte[] write(PDDocument source, List<String> addressLines, boolean tagged)
      throws IOException {
    List<PDPage> pages = new ArrayList<>();
    source.getPages().forEach(pages::add);
    try (PDDocument letter = new PDDocument()) {
      letter.setVersion(source.getVersion());
      keepCatalogEntries(source, letter);
      pages.forEach(page -> letter.addPage(bare(page)));
      PDPage first = letter.getPage(0);
      WindowTextRemoval.remove(letter, first, LetterAreas.ADDRESS_SEARCH);
      AddressBlock.write(letter, first, addressLines, tagged);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      letter.save(out);
      return out.toByteArray();
    }
  }

  private static void keepCatalogEntries(PDDocument source, PDDocument letter) {
    COSDictionary original = source.getDocumentCatalog().getCOSObject();
    COSDictionary catalog = letter.getDocumentCatalog().getCOSObject();
    for (COSName key : CATALOG_KEYS) {
      COSBase value = original.getItem(key);
      if (value != null) {
        catalog.setItem(key, value);
      }
    }
  }

  /** The page with what it inherits set on itself and everything but its drawing removed. */
  private static PDPage bare(PDPage page) {
    PDRectangle media = page.getMediaBox();
    PDRectangle crop = page.getCropBox();
    int rotation = page.getRotation();
    PDResources resources = page.getResources();
    COSDictionary dictionary = page.getCOSObject();
    for (COSName key : new ArrayList<>(dictionary.keySet())) {
      if (!PAGE_KEYS.contains(key)) {
        dictionary.removeItem(key);
      }
    }
    page.setMediaBox(media);
    page.setCropBox(crop);
    page.setRotation(rotation);
    if (resources != null) {
      page.setResources(resources);
    }
    return page;
  }
}
