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
 * generator's HTTP threads inside it, the JVM's JIT compiler and garbage collector threads (from
 * /proc/self/task, by thread name: they are part of Herald's share, and a JIT still compiling after
 * a short warm-up shows here), and the PostgreSQL server (postmaster and its children).
 */
record CpuSample(
    double machineBusy,
    double machineIdle,
    double jvm,
    double httpClient,
    double jit,
    double gc,
    double postgres) {

  private static final double TICKS_PER_SECOND = 100.0;

  static CpuSample take(long postmasterPid) {
    double[] machine = machine();
    double[] vm = vmThreads();
    return new CpuSample(
        machine[0],
        machine[1],
        jvmCpu(),
        httpClientThreads(),
        vm[0],
        vm[1],
        postgres(postmasterPid));
  }

  CpuSample minus(CpuSample before) {
    return new CpuSample(
        machineBusy - before.machineBusy,
        machineIdle - before.machineIdle,
        jvm - before.jvm,
        httpClient - before.httpClient,
        jit - before.jit,
        gc - before.gc,
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

  /**
   * CPU of this JVM's compiler threads ({@code C1/C2 CompilerThre…}) and collector threads (ZGC's
   * {@code Z…}, G1's {@code G1 …} and {@code GC Thread#…}), from each task's /proc stat.
   */
  private static double[] vmThreads() {
    double[] jitAndGc = new double[2];
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          task -> {
            String name;
            String stat;
            try {
              name = Files.readString(task.resolve("comm")).strip();
              stat = Files.readString(task.resolve("stat"));
            } catch (IOException | RuntimeException e) {
              return; // the thread ended meanwhile
            }
            int kind =
                name.contains("CompilerThre")
                    ? 0
                    : name.startsWith("Z") || name.startsWith("G1 ") || name.startsWith("GC ")
                        ? 1
                        : -1;
            if (kind >= 0) {
              jitAndGc[kind] += ticks(stat) / TICKS_PER_SECOND;
            }
          });
    } catch (IOException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return jitAndGc;
  }

  /** utime + stime of a /proc stat line, in ticks. */
  private static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
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
    return ticks(stat) / TICKS_PER_SECOND;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
