package org.safeguardingworkflows.revisions;

import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationReport;
import org.safeguardingworkflows.revisions.ProcessRevisions.MigrationRequest;
import org.safeguardingworkflows.revisions.ProcessRevisions.Revisions;
import org.springframework.http.MediaType;
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

  @PostMapping(path = "/{processKey}/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  MigrationReport migrate(@PathVariable String processKey, @RequestBody MigrationRequest request) {
    return revisions.migrate(processKey, request);
  }
}
