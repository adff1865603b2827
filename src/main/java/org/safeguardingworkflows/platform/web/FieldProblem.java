package org.safeguardingworkflows.platform.web;

/**
 * What is wrong with one field of a request: the field, the rule it breaks (a stable code a client can act
 * on) and a sentence a person can read.
 */
public record FieldProblem(String field, String rule, String message) {}
