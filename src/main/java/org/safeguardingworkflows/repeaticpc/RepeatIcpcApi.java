package org.safeguardingworkflows.repeaticpc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.platform.web.Accepted;
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

/** Proposals for a repeat ICPC for case management systems: JSON over HTTP Basic, problem+json on refusal. */
@RestController
@RequestMapping(path = "/api/repeat-icpc-proposals", produces = MediaType.APPLICATION_JSON_VALUE)
public class RepeatIcpcApi {

    public record ConferenceOutcome(
        @NotNull(message = "is required: true when the conference made a plan.") Boolean planMade,
        // Required when a plan was made: RepeatIcpcProposals says so.
        @IsoDate @NotInFuture String planStartDate) {}

  private final RepeatIcpcProposals proposals;

  public RepeatIcpcApi(RepeatIcpcProposals proposals) {
    this.proposals = proposals;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RepeatIcpcProposals.Started> propose(@Valid @RequestBody Proposal proposal) {
    RepeatIcpcProposals.Started started = proposals.propose(proposal);
    return ResponseEntity.created(URI.create("/api/repeat-icpc-proposals/" + proposal.childRef())).body(started);
  }

  @GetMapping("/{childRef}")
  ProposalView view(@PathVariable String childRef) {
    return proposals.view(childRef);
  }

  @PostMapping(path = "/{childRef}/conference-outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted conferenceOutcome(@PathVariable String childRef, @Valid @RequestBody ConferenceOutcome outcome) {
    proposals.recordConferenceOutcome(childRef, outcome.planMade(), outcome.planStartDate());
    return new Accepted(childRef, "conference outcome recorded");
  }
}
