package dev.herald.provider.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC on jSMPP's server side: accepts transceiver binds, records each submit_sm, sends
 * deliver_sm, and can drop the link and refuse binds for a while.
 */
public final class SmppTestSmsc implements ServerMessageReceiverListener, AutoCloseable {

  private final SMPPServerSessionListener listener;
  private final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
  private final Map<SubmitSm, String> messageIdsGiven =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final AtomicInteger messageIds = new AtomicInteger(7000);
  private final AtomicInteger binds = new AtomicInteger();
  private volatile SMPPServerSession session;
  private volatile boolean refusingBinds;
  private volatile int refuseNextSubmitWith;
  private volatile String receiptAtOnce;

  private SmppTestSmsc(int port) throws IOException {
    listener = new SMPPServerSessionListener(port);
    listener.setMessageReceiverListener(this);
    Thread.ofVirtual().name("test-smsc").start(this::acceptBinds);
  }

  public static SmppTestSmsc start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    return new SmppTestSmsc(port);
  }

  private void acceptBinds() {
    while (true) {
      try {
        SMPPServerSession accepted = listener.accept();
        BindRequest bind = accepted.waitForBind(5_000);
        if (refusingBinds || bind.getBindType() != BindType.BIND_TRX) {
          bind.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
          continue;
        }
        // Known before the client hears the answer, so a bound client always finds the session.
        session = accepted;
        binds.incrementAndGet();
        bind.accept("test-smsc");
      } catch (IOException e) {
        return; // the listener was closed
      } catch (TimeoutException | PDUStringException e) {
        // a peer that never bound: wait for the next one
      }
    }
  }

  public int port() {
    return listener.getPort();
  }

  public int binds() {
    return binds.get();
  }

  public List<SubmitSm> submitted() {
    return submitted;
  }

  /** The message id this SMSC answered the submit_sm with. */
  public String messageIdOf(SubmitSm submit) {
    return messageIdsGiven.get(submit);
  }

  /** Closes the connection without unbind, as a crashed or restarted SMSC would. */
  public void dropLinkAndRefuseBinds() {
    refusingBinds = true;
    session.close();
  }

  public void acceptBindsAgain() {
    refusingBinds = false;
  }

  /** Answers each later submit_sm with a delivery receipt at once, as a fast SMSC may. */
  public void sendReceiptsAtOnce(String stat) {
    receiptAtOnce = stat;
  }

  public void refuseNextSubmitWith(int commandStatus) {
    refuseNextSubmitWith = commandStatus;
  }

  /** Sends a deliver_sm and waits for the answer; a non-zero answer throws. */
  public void deliver(String from, String to, byte esmClass, byte dataCoding, byte[] shortMessage)
      throws Exception {
    session.deliverShortMessage(
        null,
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        from,
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        to,
        new ESMClass(esmClass),
        (byte) 0,
        (byte) 0,
        new RegisteredDelivery(0),
        new RawDataCoding(dataCoding),
        shortMessage);
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
      throws ProcessRequestException {
    int refusal = refuseNextSubmitWith;
    if (refusal != 0) {
      refuseNextSubmitWith = 0;
      throw new ProcessRequestException("refused", refusal);
    }
    try {
      MessageId id = new MessageId(Integer.toString(messageIds.incrementAndGet()));
      messageIdsGiven.put(submitSm, id.getValue());
      submitted.add(submitSm);
      String stat = receiptAtOnce;
      if (stat != null) {
        Thread.ofVirtual().start(() -> receiptFor(submitSm, id.getValue(), stat));
      }
      return new SubmitSmResult(id, new OptionalParameter[0]);
    } catch (PDUStringException e) {
      throw new IllegalStateException(e);
    }
  }

  private void receiptFor(SubmitSm submit, String messageId, String stat) {
    String text =
        "id:%s sub:001 dlvrd:001 submit date:2611241200 done date:2611241200 stat:%s err:000 text:"
            .formatted(messageId, stat);
    try {
      deliver(
          submit.getDestAddress(),
          submit.getSourceAddr(),
          (byte) 0x04,
          (byte) 0x00,
          text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelBroadcastSm(
      CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
      QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw unsupported();
  }

  private static ProcessRequestException unsupported() {
    return new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    SMPPServerSession current = session;
    if (current != null) {
      current.close();
    }
  }
}
