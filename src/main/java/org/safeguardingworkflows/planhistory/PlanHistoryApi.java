package org.safeguardingworkflows.planhistory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Plan history import for case management systems and data migration: a CSV file, or a CIN census return (XML), each
 * streamed, all or nothing.
 * Importing history is a data-management action, so only administrators and process owners may do it.
 */
@RestController
@RequestMapping(path = "/api/plan-history", produces = MediaType.APPLICATION_JSON_VALUE)
public class PlanHistoryApi {

  public static final String TEXT_CSV = "text/csv";

  /** {@code imported}: plans added; {@code unchanged}: lines equal to a recorded plan (a re-import adds nothing). */
  public record Imported(long imported, long unchanged) {}
  static final Set<Role> IMPORTERS = EnumSet.of(Role.ADMINS, Role.PROCESS_OWNERS);

  /** A CIN census return's import: plans added, held plans it changed (ended...), plans unchanged, review dates added. */
  public record CensusImported(long imported, long updated, long unchanged, long reviewsAdded) {}

  private final PlanHistoryImport planHistoryImport;
  private final CinCensusImport cinCensusImport;
  private final CallerRoles callerRoles;

  public PlanHistoryApi(PlanHistoryImport planHistoryImport, CinCensusImport cinCensusImport, CallerRoles callerRoles) {
    this.planHistoryImport = planHistoryImport;
    this.cinCensusImport = cinCensusImport;
    this.callerRoles = callerRoles;
  }

  /** One CIN census return (the DfE's XML), read as a stream straight from the request; the XML declares its encoding. */
  @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  CensusImported importCinCensusReturn(HttpServletRequest request) throws IOException {
    callerRoles.require(IMPORTERS, "import plan history");
    try (InputStream body = request.getInputStream()) {
      CinCensusImport.Result result = cinCensusImport.importReturn(body);
      return new CensusImported(result.imported(), result.updated(), result.unchanged(), result.reviewsAdded());
    }
  }

  /** The body is read as a stream straight from the request, never buffered whole. */
  @PostMapping(consumes = TEXT_CSV)
  Imported importCsv(HttpServletRequest request) throws IOException {
    callerRoles.require(IMPORTERS, "import plan history");
    Charset charset = request.getCharacterEncoding() == null
        ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
    try (Reader body = new InputStreamReader(request.getInputStream(), charset)) {
      PlanHistoryImport.Result result = planHistoryImport.importCsv(body);
      return new Imported(result.imported(), result.unchanged());
    }
  }
}
