package org.safeguardingworkflows.security;

import org.safeguardingworkflows.platform.StartUpStep;

/**
 * The staff, and their teams, that a way of running the application starts with: the demo profile's users, the
 * tests' staff. Production starts with none (an administrator adds staff). Their step runs after the role groups they
 * join and before the filters, so that each team and each practitioner gets their filters at the first start.
 */
public interface StartingStaff extends StartUpStep {
}
