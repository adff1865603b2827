package org.safeguardingworkflows.children;

import java.net.URI;

import org.safeguardingworkflows.planhistory.CpPlan;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The child as the unit: the child's record, and the plans conferences make and end. */
@RestController
@RequestMapping(path = "/api/children", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChildrenApi {

  public record PlanMade(String planStartDate, String categoryOfAbuse, String iro) {}

  public record PlanEnd(String planEndDate, String reason) {}

  private final ChildStory story;
  private final ChildPlans plans;

  public ChildrenApi(ChildStory story, ChildPlans plans) {
    this.story = story;
    this.plans = plans;
  }

  @GetMapping("/{childRef}")
  ChildView child(@PathVariable String childRef) {
    return story.of(childRef);
  }

  @PostMapping(path = "/{childRef}/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ChildView.Plan> planMade(@PathVariable String childRef, @RequestBody PlanMade plan) {
    CpPlan recorded = plans.start(childRef, plan.planStartDate(), plan.categoryOfAbuse(), plan.iro());
    return ResponseEntity.created(URI.create("/api/children/" + childRef)).body(ChildStory.plan(recorded));
  }

  @PostMapping(path = "/{childRef}/plans/current/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  ChildView.Plan planEnded(@PathVariable String childRef, @RequestBody PlanEnd end) {
    return ChildStory.plan(plans.endCurrent(childRef, end.planEndDate(), end.reason()));
  }
}
