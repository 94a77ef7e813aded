package dev.herald.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time so far, in seconds: the machine (busy and idle, from /proc/stat), this JVM, the load
 * generator's HTTP threads inside it, and the PostgreSQL server (postmaster and its children).
 */
record CpuSample(
    double machineBusy, double machineIdle, double jvm, double httpClient, double postgres) {

  private static final double TICKS_PER_SECOND = 100.0;

  static CpuSample take(long postmasterPid) {
    double[] machine = machine();
    return new CpuSample(
        machine[0], machine[1], jvmCpu(), httpClientThreads(), postgres(postmasterPid));
  }

  CpuSample minus(CpuSample before) {
    return new CpuSample(
        machineBusy - before.machineBusy,
        machineIdle - before.machineIdle,
        jvm - before.jvm,
        httpClient - before.httpClient,
        postgres - before.postgres);
  }

  /** user+nice+system+irq+softirq+steal, and idle+iowait, summed over all cores. */
  private static double[] machine() {
    String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
    double busy = 0;
    double idle = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      double ticks = Long.parseLong(f[i]) / TICKS_PER_SECOND;
      if (i == 4 || i == 5) {
        idle += ticks;
      } else {
        busy += ticks;
      }
    }
    return new double[] {busy, idle};
  }

  private static double jvmCpu() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  /**
   * The JDK HttpClient's selector and worker threads, which do its socket work (BenchHttp; the send
   * requests' {@link BlockingHttp} works on the client threads themselves).
   */
  private static double httpClientThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("HttpClient-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9;
      }
    }
    return total;
  }

  private static double postgres(long postmasterPid) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToDouble(p -> ticksIfPostgres(p, postmasterPid))
          .sum();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static double ticksIfPostgres(Path proc, long postmasterPid) {
    String stat;
    try {
      stat = Files.readString(proc.resolve("stat"));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long pid = Long.parseLong(proc.getFileName().toString());
    long parent = Long.parseLong(f[1]);
    if (pid != postmasterPid && parent != postmasterPid) {
      return 0;
    }
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
