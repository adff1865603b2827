package org.safeguardingworkflows.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The repeat-plan report for managers: JSON, or CSV with {@code Accept: text/csv}. Read-only; the figures come from
 * {@link RepeatPlanReport}, as on the Cockpit dashboard.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportsApi {

  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final RepeatPlanReport report;
  private final CallerRoles callerRoles;

  public ReportsApi(RepeatPlanReport report, CallerRoles callerRoles) {
    this.report = report;
    this.callerRoles = callerRoles;
  }

  @GetMapping("/repeat-plans")
  ResponseEntity<?> repeatPlans(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    callerRoles.require(RepeatPlanReport.READERS, "read reports");
    boolean csv = wantsCsv(accept);
    ReportPeriod period = ReportPeriod.parse(from, to);
    LocalDate start = period.from();
    LocalDate end = period.to();
    RepeatPlanReport.Report figures = report.report(start, end);
    if (csv) {
      return ResponseEntity.ok()
          .contentType(TEXT_CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, attachment(start, end))
          .body(RepeatPlanCsv.of(figures));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
  }

  /** Repeat plans per month for the 24 months up to {@code to} (yyyy-MM, default this month), against a year earlier. */
  @GetMapping(path = "/repeat-plans/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
  RepeatPlanReport.Monthly monthly(@RequestParam(required = false) String to) {
    callerRoles.require(RepeatPlanReport.READERS, "read reports");
    if (to == null) {
      return report.lastTwentyFourMonths();
    }
    YearMonth last = ReportPeriod.month("to", to);
    return report.monthly(last, 24);
  }

  public static String attachment(LocalDate from, LocalDate to) {
    return ContentDisposition.attachment().filename("repeat-plans-" + from + "-to-" + to + ".csv").build().toString();
  }

  /** JSON unless the client prefers CSV; 406 when it accepts neither. */
  private static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> accepted;
    try {
      accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      throw notAcceptable();
    }
    accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType type : accepted) {
      if (type.getQualityValue() == 0) {
        continue;
      }
      if (type.includes(MediaType.APPLICATION_JSON)) {
        return false;
      }
      if (type.includes(TEXT_CSV)) {
        return true;
      }
    }
    throw notAcceptable();
  }

  private static ApiProblem notAcceptable() {
    return new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
        "The report is available as application/json or text/csv.", List.of());
  }
}
