package dev.bench4j.perf;

import com.sun.management.OperatingSystemMXBean;
import dev.bench4j.core.Run;
import dev.bench4j.core.json.JsonValues;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One JSON line per measured run, the same for every scenario. */
final class Report {

    private Report() {
    }

    /**
     * Formats a run's figures: status, cells, wall time, cells per second, process CPU, latency
     * percentiles, Java version, then the scenario's own figures in name order.
     */
    static String line(String scenario, Run run, double wall, Map<String, Object> extra) {
        long cells = run.summary().overall().cells();
        StringBuilder sb = new StringBuilder("{\"scenario\":\"").append(scenario).append('"')
                .append(",\"status\":\"").append(run.status().wireName()).append('"')
                .append(",\"cells\":").append(cells)
                .append(",\"succeeded\":").append(run.summary().overall().succeeded())
                .append(",\"wall_s\":").append(round(wall))
                .append(",\"cells_per_s\":").append(Math.round(cells / wall))
                .append(",\"cpu_s\":").append(round(cpuSeconds()));
        run.summary().overall().latency().ifPresent(l -> sb
                .append(",\"latency_p50_ms\":").append(round(l.p50().toNanos() / 1e6))
                .append(",\"latency_p99_ms\":").append(round(l.p99().toNanos() / 1e6)));
        sb.append(",\"java\":\"").append(System.getProperty("java.version")).append('"');
        new TreeMap<>(extra).forEach((k, v) -> sb.append(",\"").append(k).append("\":")
                .append(v instanceof String s ? JsonValues.toJson(s) : v));
        return sb.append('}').toString();
    }

    /** The process's CPU time so far, or -1 where the JVM does not say. */
    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    static String round(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
