package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuCalibrationTest {

  @Test
  void digestsTheFixedBufferToTheExpectedChecksum() {
    assertThat(CpuCalibration.digestOnce()).isEqualTo(CpuCalibration.EXPECTED);
  }

  @Test
  void reportsAPositiveRateFromOneOperationPerRun() {
    CpuCalibration calibration = CpuCalibration.measure(Duration.ZERO, Duration.ZERO, 1);

    assertThat(calibration.opsPerSecond()).isPositive();
    assertThat(calibration.line())
        .startsWith("calibration: ")
        .endsWith(" ops/s (sha-256 of 1 MiB, median of 1, one thread)");
  }

  @Test
  void expressesFiguresAsRatiosToTheCalibrationAndTheBaseline() {
    CpuCalibration calibration = new CpuCalibration(200, 5);

    assertThat(calibration.rate("accepted", 1000, "inserts", 4000))
        .isEqualTo(
            "calibrated, accepted: 1,000.0/s = 5.000 per calibration op/s;"
                + " inserts 4,000.0/s = 20.000 per calibration op/s; Herald / baseline 0.25");
    assertThat(calibration.time("run", 0.5, null, 0))
        .isEqualTo("calibrated, run: 0.5000 s = 100.0 calibration ops");
  }
}
