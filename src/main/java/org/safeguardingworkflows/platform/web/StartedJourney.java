package org.safeguardingworkflows.platform.web;

/** The answer to a request that started a child's journey (201, with the journey's address in Location). */
public record StartedJourney(String childRef, String processInstanceId) {}
