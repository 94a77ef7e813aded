package dev.herald.provider.sms;

import dev.herald.receipt.InboundMessage;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.ReceiptSink;
import dev.herald.support.Ids;
import dev.herald.support.RedactedThrowable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the SMSC's deliver_sm: delivery receipts become status changes, other messages are texts
 * received for one of Herald's numbers. Each part of a concatenated received text is stored on its
 * own: holding parts in memory until the last arrives would lose them on a restart, as the SMSC has
 * had its deliver_sm_resp.
 */
class SmppReceiver implements MessageReceiverListener {

  private static final Logger log = LoggerFactory.getLogger(SmppReceiver.class);

  private final String provider;
  private final ReceiptSink receipts;
  private final Clock clock;

  SmppReceiver(String provider, ReceiptSink receipts, Clock clock) {
    this.provider = provider;
    this.receipts = receipts;
    this.clock = clock;
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    try {
      if (deliverSm.isSmscDeliveryReceipt()) {
        applyReceipt(deliverSm);
      } else {
        receive(deliverSm);
      }
    } catch (RuntimeException e) {
      // A temporary error answer makes the SMSC deliver it again later.
      log.warn(
          "Could not take a deliver_sm from {}; asked the SMSC to retry: {}",
          provider,
          RedactedThrowable.summary(e));
      throw new ProcessRequestException("not stored", SMPPConstant.STAT_ESME_RX_T_APPN, e);
    }
  }

  private void applyReceipt(DeliverSm deliverSm) {
    Optional<SmppDeliveryReceipt> receipt =
        SmppDeliveryReceipt.parse(new String(userData(deliverSm), StandardCharsets.ISO_8859_1));
    if (receipt.isEmpty()) {
      log.warn("Delivery receipt from {} without id or stat; ignored", provider);
      return;
    }
    OptionalParameter.Receipted_message_id receipted =
        deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
    String reference = receipted != null ? receipted.getValueAsString() : receipt.get().messageId();
    receipts.apply(
        new ProviderReceipt(provider, reference, receipt.get().status(), clock.instant()));
  }

  private void receive(DeliverSm deliverSm) {
    receipts.receive(
        new InboundMessage(
            provider,
            Ids.timeOrdered().toString(),
            deliverSm.getDestAddress(),
            deliverSm.getSourceAddr(),
            text(deliverSm),
            clock.instant()));
  }

  private static String text(DeliverSm deliverSm) {
    byte[] data = userData(deliverSm);
    int start = 0;
    if (GSMSpecificFeature.UDHI.containedIn(deliverSm.getEsmClass()) && data.length > 0) {
      start = Math.min(data.length, 1 + (data[0] & 0xFF));
    }
    return switch (deliverSm.getDataCoding() & 0xFF) {
      case 0x08 -> new String(data, start, data.length - start, StandardCharsets.UTF_16BE);
      case 0x03 -> new String(data, start, data.length - start, StandardCharsets.ISO_8859_1);
      case 0x01 -> new String(data, start, data.length - start, StandardCharsets.US_ASCII);
      default -> SmppGsm7.decode(data, start, data.length);
    };
  }

  // Long texts may come in the message_payload parameter with an empty short_message.
  private static byte[] userData(DeliverSm deliverSm) {
    byte[] shortMessage = deliverSm.getShortMessage();
    if (shortMessage != null && shortMessage.length > 0) {
      return shortMessage;
    }
    OptionalParameter.Message_payload payload =
        deliverSm.getOptionalParameter(OptionalParameter.Message_payload.class);
    return payload != null ? payload.getValue() : new byte[0];
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {}

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
  }
}
