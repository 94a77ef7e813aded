package dev.herald.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A fixed CPU calibration measured in the same run as a benchmark: SHA-256 of a fixed 1 MiB buffer
 * on one thread, each digest checked against a constant so that it is really computed, with no
 * Herald code in it. Herald's figures set against it let a run on a slower or busier machine read
 * as such (docs/benchmarks.md).
 */
record CpuCalibration(double opsPerSecond, int runs) {

  static final String WORKLOAD = "sha-256 of 1 MiB";
  static final String EXPECTED = "bd2cbebd6861d7beee9bb0cc3c123b6482bf58852ef9b9c34aa86650aa32d88b";

  private static final byte[] BUFFER = buffer();

  /** Two seconds of warm-up, then the median of five runs of two seconds. */
  static CpuCalibration measure() {
    return measure(Duration.ofSeconds(2), Duration.ofSeconds(2), 5);
  }

  /** Measured, and its line printed: once in each benchmark, before the load. */
  static CpuCalibration measureAndPrint() {
    System.out.printf("calibrating the CPU (%s, one thread)…%n", WORKLOAD);
    CpuCalibration calibration = measure();
    System.out.println(calibration.line() + "\n");
    return calibration;
  }

  static CpuCalibration measure(Duration warmup, Duration run, int runs) {
    MessageDigest sha = sha256();
    timed(sha, warmup);
    double[] rates = new double[runs];
    for (int i = 0; i < runs; i++) {
      rates[i] = timed(sha, run);
    }
    Arrays.sort(rates);
    double median = runs % 2 == 1 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
    return new CpuCalibration(median, runs);
  }

  /** One operation: the digest of the buffer, as hex. */
  static String digestOnce() {
    return HexFormat.of().formatHex(sha256().digest(BUFFER));
  }

  /** Operations per second over at least {@code time}, at least one operation. */
  private static double timed(MessageDigest sha, Duration time) {
    byte[] expected = HexFormat.of().parseHex(EXPECTED);
    long began = System.nanoTime();
    long deadline = began + time.toNanos();
    long ops = 0;
    long now;
    do {
      if (!MessageDigest.isEqual(sha.digest(BUFFER), expected)) {
        throw new IllegalStateException("calibration digest differs from " + EXPECTED);
      }
      ops++;
      now = System.nanoTime();
    } while (now < deadline);
    return ops / ((now - began) / 1e9);
  }

  /**
   * The standard line: {@code calibration: 123.4 ops/s (sha-256 of 1 MiB, median of 5, one
   * thread)}.
   */
  String line() {
    return String.format(
        "calibration: %.1f ops/s (%s, median of %d, one thread)", opsPerSecond, WORKLOAD, runs);
  }

  /**
   * A rate of Herald's per calibration op/s, and against a baseline of the same run when {@code
   * baseline} is not null.
   */
  String rate(String what, double perSecond, String baseline, double baselinePerSecond) {
    return compared(
        what,
        rateOf(perSecond),
        baseline,
        rateOf(baselinePerSecond),
        perSecond / baselinePerSecond);
  }

  /**
   * A time of Herald's in calibration ops (seconds × ops/s: how many calibration ops the machine
   * did in that time), and against a baseline of the same run when {@code baseline} is not null.
   */
  String time(String what, double seconds, String baseline, double baselineSeconds) {
    return compared(
        what, timeOf(seconds), baseline, timeOf(baselineSeconds), seconds / baselineSeconds);
  }

  private String rateOf(double perSecond) {
    return String.format(
        "%,.1f/s = %.3f per calibration op/s", perSecond, perSecond / opsPerSecond);
  }

  private String timeOf(double seconds) {
    return String.format("%.4f s = %,.1f calibration ops", seconds, seconds * opsPerSecond);
  }

  private static String compared(
      String what, String herald, String baseline, String baselineFigure, double ratio) {
    String line = "calibrated, " + what + ": " + herald;
    return baseline == null
        ? line
        : line + String.format("; %s %s; Herald / baseline %.2f", baseline, baselineFigure, ratio);
  }

  private static byte[] buffer() {
    byte[] bytes = new byte[1 << 20];
    long x = 1;
    for (int i = 0; i < bytes.length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      bytes[i] = (byte) (x >>> 56);
    }
    return bytes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
