package dev.herald.letter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * What one content stream drew in an area: the page's own, or one drawing of a form by a {@code
 * Do}. Operators are counted from 0 in the stream, strings from 0 within their operator.
 */
final class StreamCuts {

  /** The form drawn, or null for the page. */
  final PDFormXObject form;

  /** By operator, then by string: the elements that replace the string. */
  final Map<Integer, Map<Integer, List<COSBase>>> strings = new HashMap<>();

  /** By the operator of a {@code Do}: what the form it drew there drew in the area. */
  final Map<Integer, StreamCuts> forms = new HashMap<>();

  int operator = -1;
  int string;
  int depth;

  StreamCuts(PDFormXObject form) {
    this.form = form;
  }

  boolean isEmpty() {
    return strings.isEmpty() && forms.isEmpty();
  }
}
