package dev.herald.letter;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A QR code as an XHTML image: error correction level M, as Notify's (segno), four modules of quiet
 * zone, and four pixels a module so that the printed square (84 pt) stays sharp.
 */
public final class QrCodes {

  private static final int QUIET_ZONE = 4;
  private static final int PIXELS_PER_MODULE = 4;

  private QrCodes() {}

  /** An {@code <img>} of the QR code for {@code data}, sized by the letter's CSS. */
  public static String image(String data) {
    QrCode code = QrCode.encodeText(data, QrCode.Ecc.MEDIUM);
    int side = (code.size + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        boolean dark =
            code.getModule(x / PIXELS_PER_MODULE - QUIET_ZONE, y / PIXELS_PER_MODULE - QUIET_ZONE);
        image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
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
