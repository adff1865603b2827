package org.safeguardingworkflows.revisions;

import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationReport;
import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationRequest;
import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationStatus;
import org.safeguardingworkflows.revisions.ProcessRevisions.Revisions;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed versions of a process with their running journeys, and migrations between versions: a dry run first
 * ({@code "dryRun": true}, the default), then the real run. Process owners and administrators only.
 */
@RestController
@RequestMapping(path = "/api/process-revisions", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProcessRevisionsApi {

  private final ProcessRevisions revisions;

  public ProcessRevisionsApi(ProcessRevisions revisions) {
    this.revisions = revisions;
  }

  @GetMapping("/{processKey}")
  Revisions versions(@PathVariable String processKey) {
    return revisions.revisions(processKey);
  }

  /** A dry run answers 200 with its report; a real run 202, with the batch that moves the journeys and where to follow it. */
  @PostMapping(path = "/{processKey}/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<MigrationReport> migrate(@PathVariable String processKey, @RequestBody MigrationRequest request) {
    MigrationReport report = revisions.migrate(processKey, request);
    if (report.dryRun()) {
      return ResponseEntity.ok(report);
    }
    return ResponseEntity.accepted().location(URI.create(report.statusUrl())).body(report);
  }

  @GetMapping("/{processKey}/migrations/{batchId}")
  MigrationStatus status(@PathVariable String processKey, @PathVariable String batchId) {
    return revisions.status(processKey, batchId);
  }
}
