package org.safeguardingworkflows.platform.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/** The answer to a request that started a child's journey (201, with the journey's address in Location). */
public record StartedJourney(String childRef, String processInstanceId) {

  /** 201 Created, located at {@code collection} + the child's reference (where the journey is read). */
  public static ResponseEntity<StartedJourney> created(String collection, String childRef, String processInstanceId) {
    return ResponseEntity.created(URI.create(collection + "/" + childRef)).body(new StartedJourney(childRef, processInstanceId));
  }
}
