package org.safeguardingworkflows.tasks;

import java.time.LocalDate;

/** A task still open on a child's journey, as the domain API shows it: due on a date of the council's calendar. */
public record OpenTask(String id, String name, String taskDefinitionKey, String assignee, LocalDate due) {}
