package dev.herald.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Takes out of a page the text it draws in an area (template-preview redacts the widened address
 * window), rewriting each string that shows such glyphs as a {@code TJ} that draws only the others,
 * each where it was. A form that drew some is drawn from an edited copy, so that the original
 * (perhaps drawn on other pages too) stays as it was.
 */
final class WindowTextRemoval {

  /** Entries of a stream's dictionary that describe its old encoding, not its content. */
  private static final List<COSName> ENCODING =
      List.of(
          COSName.LENGTH,
          COSName.FILTER,
          COSName.DECODE_PARMS,
          COSName.F,
          COSName.F_FILTER,
          COSName.F_DECODE_PARMS,
          COSName.DL);

  private WindowTextRemoval() {}

  /** Rewrites the page's contents, and copies of its forms, if they draw text in {@code area}. */
  static void remove(PDDocument document, PDPage page, MmBox area) throws IOException {
    StreamCuts cuts = WindowGlyphs.in(page, area);
    if (cuts.isEmpty()) {
      return;
    }
    PDResources resources = page.getResources();
    if (!cuts.forms.isEmpty()) {
      resources = copy(resources);
      page.setResources(resources);
    }
    List<Object> tokens = rewritten(new PDFStreamParser(page).parse(), cuts, resources, document);
    PDStream contents = new PDStream(document);
    try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(out).writeTokens(tokens);
    }
    page.setContents(contents);
  }

  private static List<Object> rewritten(
      List<Object> tokens, StreamCuts cuts, PDResources resources, PDDocument document)
      throws IOException {
    List<Object> out = new ArrayList<>(tokens.size());
    List<COSBase> operands = new ArrayList<>();
    int index = -1;
    for (Object token : tokens) {
      if (!(token instanceof Operator operator)) {
        operands.add((COSBase) token);
        continue;
      }
      Map<Integer, List<COSBase>> strings = cuts.strings.get(++index);
      StreamCuts form = cuts.forms.get(index);
      if (strings != null) {
        out.addAll(TextCuts.showing(operator, operands, strings));
      } else if (form != null && OperatorName.DRAW_OBJECT.equals(operator.getName())) {
        out.add(resources.add(editedCopy(form, resources, document)));
        out.add(operator);
      } else {
        out.addAll(operands);
        out.add(operator);
      }
      operands.clear();
    }
    out.addAll(operands);
    return out;
  }

  /**
   * A new form drawing what {@code cuts.form} draws less the text cut; the forms it draws in turn
   * are named in its own resources, or in {@code parentResources} when it has none.
   */
  private static PDFormXObject editedCopy(
      StreamCuts cuts, PDResources parentResources, PDDocument document) throws IOException {
    PDFormXObject original = cuts.form;
    PDResources resources =
        original.getResources() == null ? parentResources : copy(original.getResources());
    List<Object> tokens =
        rewritten(new PDFStreamParser(original).parse(), cuts, resources, document);
    COSStream stream = document.getDocument().createCOSStream();
    original.getCOSObject().entrySet().stream()
        .filter(entry -> !ENCODING.contains(entry.getKey()))
        .forEach(entry -> stream.setItem(entry.getKey(), entry.getValue()));
    if (original.getResources() != null) {
      stream.setItem(COSName.RESOURCES, resources);
    }
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(out).writeTokens(tokens);
    }
    return new PDFormXObject(stream);
  }

  /** A copy that can take new form names without changing what other pages or forms share. */
  private static PDResources copy(PDResources resources) {
    COSDictionary dictionary = new COSDictionary(resources.getCOSObject());
    COSDictionary forms = dictionary.getCOSDictionary(COSName.XOBJECT);
    if (forms != null) {
      dictionary.setItem(COSName.XOBJECT, new COSDictionary(forms));
    }
    return new PDResources(dictionary);
  }
}
