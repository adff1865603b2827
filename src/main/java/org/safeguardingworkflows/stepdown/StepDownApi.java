package org.safeguardingworkflows.stepdown;

import jakarta.validation.Valid;

import org.safeguardingworkflows.children.ChildActionsApi.ConcernReport;
import org.safeguardingworkflows.platform.web.Accepted;
import org.safeguardingworkflows.platform.web.StartedJourney;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The step-down journey for case management systems: JSON over HTTP Basic, problem+json on refusal. */
@RestController
@RequestMapping(path = "/api/step-downs", produces = MediaType.APPLICATION_JSON_VALUE)
public class StepDownApi {

  public record WorkerChange(String newWorker) {}

  private final StepDownJourneys journeys;

  public StepDownApi(StepDownJourneys journeys) {
    this.journeys = journeys;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StartedJourney> start(@Valid @RequestBody PlanEnded plan) {
    return StartedJourney.created("/api/step-downs", plan.childRef(), journeys.start(plan).getId());
  }

  @GetMapping("/{childRef}")
  JourneyView view(@PathVariable String childRef) {
    return journeys.view(childRef);
  }

  @PostMapping(path = "/{childRef}/concerns", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted reportConcern(@PathVariable String childRef, @Valid @RequestBody ConcernReport concern) {
    journeys.reportConcern(childRef, concern.kind(), concern.summary());
    return new Accepted(childRef, "contingency review raised");
  }

  @PostMapping(path = "/{childRef}/worker-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted changeWorker(@PathVariable String childRef, @RequestBody WorkerChange change) {
    journeys.changeWorker(childRef, change.newWorker());
    return new Accepted(childRef, "handover raised");
  }
}
