package org.safeguardingworkflows.children;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What can happen to a child whatever is running: a concern, a change of who holds the child, a life event. */
@RestController
@RequestMapping(path = "/api/children", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChildActionsApi {

  public record ConcernReport(String kind, String summary) {}

  public record WorkerChange(String role, String newHolder) {}

  public record LifeEventReport(String kind, String date, String details) {}

  private final ChildConcerns concerns;
  private final ChildWorkerChanges workerChanges;
  private final ChildLifeEvents lifeEvents;

  public ChildActionsApi(ChildConcerns concerns, ChildWorkerChanges workerChanges, ChildLifeEvents lifeEvents) {
    this.concerns = concerns;
    this.workerChanges = workerChanges;
    this.lifeEvents = lifeEvents;
  }

  @PostMapping(path = "/{childRef}/concerns", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ChildConcerns.Opened raiseConcern(@PathVariable String childRef, @RequestBody ConcernReport concern) {
    return concerns.raise(childRef, concern.kind(), concern.summary());
  }

  @PostMapping(path = "/{childRef}/worker-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ChildWorkerChanges.Changed changeWorker(@PathVariable String childRef, @RequestBody WorkerChange change) {
    return workerChanges.change(childRef, change.role(), change.newHolder());
  }

  @PostMapping(path = "/{childRef}/life-events", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ChildLifeEvents.Reported reportLifeEvent(@PathVariable String childRef, @RequestBody LifeEventReport event) {
    return lifeEvents.report(childRef, event.kind(), event.date(), event.details());
  }
}
