package org.safeguardingworkflows.cincensus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The CP plan part of the CIN census return for a year, as the DfE's XML, for the council's census return. It carries
 * every child on a plan in the year, so only process owners and administrators (who may import the plan history) may
 * take it.
 */
@RestController
@RequestMapping("/api/cin-census")
public class CinCensusApi {

  static final Set<Role> EXPORTERS = EnumSet.of(Role.ADMINS, Role.PROCESS_OWNERS);
  private static final Pattern YEAR = Pattern.compile("^\\d{4}$");
  static final int EARLIEST_YEAR = 1901;
  static final int LATEST_YEAR = 2999;

  private final ChildProtectionPlansReturn plansReturn;
  private final CallerRoles callerRoles;

  public CinCensusApi(ChildProtectionPlansReturn plansReturn, CallerRoles callerRoles) {
    this.plansReturn = plansReturn;
    this.callerRoles = callerRoles;
  }

  /** {@code year}: the year whose 31 March ends the census year (2027 for 2026-27). Streamed as it is read. */
  @GetMapping("/child-protection-plans")
  void childProtectionPlans(@RequestParam(required = false) String year,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
      throws IOException {
    callerRoles.require(EXPORTERS, "export the CIN census");
    requireXmlAccepted(accept);
    int censusYear = year(year);
    response.setContentType(MediaType.APPLICATION_XML_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("cin-census-child-protection-plans-" + (censusYear - 1) + "-" + censusYear + ".xml").build().toString());
    try (OutputStream out = response.getOutputStream()) {
      plansReturn.write(censusYear, out);
    }
  }

  private static int year(String value) {
    if (value != null && YEAR.matcher(value).matches()) {
      int year = Integer.parseInt(value);
      if (year >= EARLIEST_YEAR && year <= LATEST_YEAR) {
        return year;
      }
    }
    throw ApiProblem.invalid(List.of(new FieldProblem("year", "census-year", "year must be the year of the 31 March that"
        + " ends the census year, written as yyyy (2027 for 2026-27), from " + EARLIEST_YEAR + " to " + LATEST_YEAR + ".")));
  }

  /** XML unless the client accepts nothing XML; then 406 saying what is available. */
  private static void requireXmlAccepted(String accept) {
    if (accept == null || accept.isBlank()) {
      return;
    }
    List<MediaType> accepted;
    try {
      accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      throw notAcceptable();
    }
    boolean xml = accepted.stream().anyMatch(type -> type.getQualityValue() > 0
        && (type.includes(MediaType.APPLICATION_XML) || type.includes(MediaType.TEXT_XML)));
    if (!xml) {
      throw notAcceptable();
    }
  }

  private static ApiProblem notAcceptable() {
    return new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
        "The CIN census return is available as application/xml only.", List.of());
  }
}
