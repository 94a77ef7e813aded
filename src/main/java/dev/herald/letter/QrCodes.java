package dev.herald.letter;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A QR code as an XHTML image: error correction level M, as Notify's (segno), four modules of quiet
 * zone, one pixel a module. The letter's CSS prints it 84 pt square; PDF images are not
 * interpolated unless they ask to be, so each module prints as a sharp square (and drawing four
 * pixels a module, as at first, was a fifth of a letter's rendering).
 */
public final class QrCodes {

  private static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /** An {@code <img>} of the QR code for {@code data}, sized by the letter's CSS. */
  public static String image(String data) {
    QrCode code = QrCode.encodeText(data, QrCode.Ecc.MEDIUM);
    int side = code.size + 2 * QUIET_ZONE;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster pixels = image.getRaster();
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        // In the binary image's palette 0 is black and 1 white.
        pixels.setSample(x, y, 0, code.getModule(x - QUIET_ZONE, y - QUIET_ZONE) ? 0 : 1);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "<img alt=\"\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png.toByteArray())
        + "\"/>";
  }
}
