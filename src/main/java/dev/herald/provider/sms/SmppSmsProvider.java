package dev.herald.provider.sms;

import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.ProviderException;
import dev.herald.delivery.SmsProvider;
import dev.herald.receipt.ReceiptSink;
import dev.herald.template.SmsText;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

/**
 * Sends text messages to an operator's SMSC over SMPP 3.4 as a transceiver, which also brings back
 * delivery receipts and received texts; the reference is the SMSC's id for the first part.
 */
public class SmppSmsProvider implements SmsProvider, AutoCloseable {

  /** Statuses that say "not now": the SMSC is busy or has a passing fault. */
  private static final Set<Integer> RETRYABLE_STATUSES =
      Set.of(
          SMPPConstant.STAT_ESME_RTHROTTLED,
          SMPPConstant.STAT_ESME_RMSGQFUL,
          SMPPConstant.STAT_ESME_RX_T_APPN,
          SMPPConstant.STAT_ESME_RSYSERR,
          SMPPConstant.STAT_ESME_RINVBNDSTS,
          SMPPConstant.STAT_ESME_RSUBMITFAIL);

  private static final RegisteredDelivery RECEIPT =
      new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

  private final SmppProperties properties;
  private final SmppLink link;
  private final AtomicInteger references =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(256));

  public SmppSmsProvider(SmppProperties properties, ReceiptSink receipts, Clock clock) {
    this.properties = properties;
    this.link = new SmppLink(properties, new SmppReceiver(properties.name(), receipts, clock));
  }

  /** Binds in the background; sends fail as retryable until the SMSC accepts the bind. */
  public void start() {
    link.start();
  }

  /** Whether the SMSC has accepted the bind and the link is up. */
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public String name() {
    return properties.name();
  }

  @Override
  public boolean supportsInternational() {
    return properties.international();
  }

  @Override
  public String send(OutgoingSms sms) throws ProviderException {
    SMPPSession session = link.bound();
    SmsText text = SmsText.of(sms.text());
    SmppParts parts =
        SmppParts.of(text.text(), text.needsUcs2(), references.getAndIncrement() & 0xFF);
    String firstId = null;
    for (byte[] part : parts.shortMessages()) {
      String id = submit(session, sms, parts, part);
      firstId = firstId == null ? id : firstId;
    }
    return firstId;
  }

  private String submit(SMPPSession session, OutgoingSms sms, SmppParts parts, byte[] part)
      throws ProviderException {
    boolean alphanumeric = !sms.sender().matches("\\+?[0-9]+");
    try {
      return session
          .submitShortMessage(
              null,
              alphanumeric ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.INTERNATIONAL,
              alphanumeric ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN,
              digits(sms.sender()),
              TypeOfNumber.INTERNATIONAL,
              NumberingPlanIndicator.ISDN,
              digits(sms.to()),
              esmClass(parts.concatenated()),
              (byte) 0,
              (byte) 0,
              null,
              null,
              RECEIPT,
              (byte) 0,
              new RawDataCoding(parts.dataCoding()),
              (byte) 0,
              part)
          .getMessageId();
    } catch (NegativeResponseException e) {
      boolean retryable = RETRYABLE_STATUSES.contains(e.getCommandStatus());
      throw new ProviderException(
          "SMSC refused submit_sm with status 0x" + Integer.toHexString(e.getCommandStatus()),
          retryable,
          e);
    } catch (PDUException e) {
      // Its message quotes the offending value, which may be a phone number: keep it out of logs.
      throw new ProviderException("submit_sm could not be built: a field is out of bounds", false);
    } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
      throw new ProviderException("submit_sm failed: " + e.getMessage(), true, e);
    }
  }

  private static ESMClass esmClass(boolean concatenated) {
    return new ESMClass(
        MessageMode.DEFAULT,
        MessageType.DEFAULT,
        concatenated ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
  }

  private static String digits(String number) {
    return number.startsWith("+") ? number.substring(1) : number;
  }

  @Override
  public void close() {
    link.close();
  }
}
