package org.safeguardingworkflows.platform.web;

/** The answer to a request that a child's journey has taken up (202): what it did, in words. */
public record Accepted(String childRef, String status) {}
