package org.safeguardingworkflows.legal;

import jakarta.validation.Valid;

import org.safeguardingworkflows.platform.web.StartedJourney;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Legal planning recommendations for case management systems: JSON over HTTP Basic, problem+json on refusal. */
@RestController
@RequestMapping(path = "/api/legal-planning-requests", produces = MediaType.APPLICATION_JSON_VALUE)
public class LegalPlanningApi {

  private final LegalPlanningRequests requests;

  public LegalPlanningApi(LegalPlanningRequests requests) {
    this.requests = requests;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StartedJourney> recommend(@Valid @RequestBody LegalPlanningRequest request) {
    return StartedJourney.created("/api/legal-planning-requests", request.childRef(), requests.start(request).getId());
  }

  @GetMapping("/{childRef}")
  LegalPlanningView view(@PathVariable String childRef) {
    return requests.view(childRef);
  }
}
