package org.safeguardingworkflows.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The results of one benchmark run: one row per measurement, and the machine it ran on. Printed as a table and
 * written as JSON plus a markdown table.
 */
public class BenchmarkResults {

  /** One measurement; target and met are empty when the issue sets no target for it. */
  public record Row(String scenario, String measure, double value, String unit, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final String mode;

  public BenchmarkResults(String mode, String database) {
    this.mode = mode;
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memory", memTotal());
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("database", database);
    machine.put("loadAverageAtStart", loadAverage());
    if (ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() > Runtime.getRuntime().availableProcessors()) {
      // More runnable processes than cores before the run began: something else was using the machine.
      machine.put("busy", "load average above the core count at the start: numbers were measured under load");
    }
  }

  public synchronized void add(String scenario, String measure, double value, String unit) {
    rows.add(new Row(scenario, measure, value, unit, "", null));
  }

  public synchronized void add(String scenario, String measure, double value, String unit, String target, boolean met) {
    rows.add(new Row(scenario, measure, value, unit, target, met));
  }

  public synchronized void note(String note) {
    notes.add(note);
    System.out.println("[benchmark] note: " + note);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Prints the table and writes benchmark-[mode]-[time].json and .md into the directory; returns the JSON file. */
  public Path write(Path directory) throws IOException {
    machine.put("loadAverageAtEnd", loadAverage());
    Files.createDirectories(directory);
    String stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    String base = "benchmark-" + mode + "-" + stamp;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", mode);
    json.put("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
    json.put("machine", machine);
    json.put("results", rows);
    json.put("notes", notes);
    Path jsonFile = directory.resolve(base + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), json);
    String markdown = markdown();
    Files.writeString(directory.resolve(base + ".md"), markdown);
    System.out.println(markdown);
    return jsonFile;
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Benchmark (").append(mode).append(") ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append("\n\n");
    machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
    md.append("\n| Scenario | Measure | Value | Unit | Target | Met |\n|---|---|---:|---|---|---|\n");
    for (Row row : rows) {
      md.append("| ").append(row.scenario()).append(" | ").append(row.measure()).append(" | ")
          .append(row.value() == Math.rint(row.value()) ? String.format("%,.0f", row.value()) : String.format("%,.2f", row.value()))
          .append(" | ").append(row.unit()).append(" | ").append(row.target()).append(" | ")
          .append(row.met() == null ? "" : row.met() ? "yes" : "NO").append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static String memTotal() {
    return procLine(Path.of("/proc/meminfo"), "MemTotal:");
  }

  /** Resident set size of this JVM (from /proc/self/status), in MB; -1 where /proc is missing. */
  static double rssMegabytes() {
    return rssMegabytes(Path.of("/proc/self/status"));
  }

  /** Resident set size of another process, such as an application node, in MB; -1 where /proc is missing. */
  static double rssMegabytes(long pid) {
    return rssMegabytes(Path.of("/proc", Long.toString(pid), "status"));
  }

  private static double rssMegabytes(Path status) {
    String line = procLine(status, "VmRSS:");
    try {
      return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String procLine(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
