package org.safeguardingworkflows.children;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

import org.safeguardingworkflows.planhistory.CategoryOfAbuse;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.platform.validation.OneOf;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;
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

  public record PlanMade(
      @NotBlank(message = FieldRules.REQUIRED) @IsoDate
      @NotInFuture(advice = "record the plan when the conference has made it") String planStartDate,
      @OneOf(value = CategoryOfAbuse.class, message = CategoryOfAbuse.MUST_BE_A_CODE) String categoryOfAbuse,
      @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.IROS) String iro) {}

  public record PlanEnd(
      @NotBlank(message = FieldRules.REQUIRED) @IsoDate @NotInFuture String planEndDate,
      @OneOf(ChildPlans.EndReason.class) String reason) {}

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
  ResponseEntity<ChildView.Plan> planMade(@PathVariable @ChildReference String childRef, @Valid @RequestBody PlanMade plan) {
    CpPlan recorded = plans.start(childRef, plan.planStartDate(), plan.categoryOfAbuse(), plan.iro());
    return ResponseEntity.created(URI.create("/api/children/" + childRef)).body(ChildStory.plan(recorded));
  }

  @PostMapping(path = "/{childRef}/plans/current/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  ChildView.Plan planEnded(@PathVariable String childRef, @Valid @RequestBody PlanEnd end) {
    return ChildStory.plan(plans.endCurrent(childRef, end.planEndDate(), end.reason()));
  }
}
