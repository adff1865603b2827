package org.safeguardingworkflows.children;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.platform.validation.OneOf;
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

  /** A concern about a child (also the step-down journey's own URL's). */
  public record ConcernReport(
      @OneOf(ChildConcerns.ConcernKind.class) String kind,
      @NotBlank(message = "is required: say briefly what has happened.")
      @Size(max = ChildConcerns.SUMMARY_MAX_LENGTH, message = FieldRules.AT_MOST) String summary) {}

  public record WorkerChange(String role, String newHolder) {}

  public record LifeEventReport(
      @OneOf(ChildLifeEventVariables.Kind.class) String kind,
      @NotBlank(message = FieldRules.REQUIRED) @IsoDate @NotInFuture(advice = "report a life event once it has happened") String date,
      @Size(max = ChildLifeEvents.DETAILS_MAX_LENGTH, message = FieldRules.AT_MOST) String details) {}

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
  ChildConcerns.Opened raiseConcern(@PathVariable @ChildReference String childRef,
      @Valid @RequestBody ConcernReport concern) {
    return concerns.raise(childRef, concern.kind(), concern.summary());
  }

  @PostMapping(path = "/{childRef}/worker-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ChildWorkerChanges.Changed changeWorker(@PathVariable @ChildReference String childRef, @RequestBody WorkerChange change) {
    return workerChanges.change(childRef, change.role(), change.newHolder());
  }

  @PostMapping(path = "/{childRef}/life-events", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ChildLifeEvents.Reported reportLifeEvent(@PathVariable @ChildReference String childRef,
      @Valid @RequestBody LifeEventReport event) {
    return lifeEvents.report(childRef, event.kind(), event.date(), event.details());
  }
}
