/*
 * Process revisions: a Cockpit dashboard plugin (Camunda 7 front-end plugin, plain JavaScript module) for process
 * owners and administrators. It lists the deployed versions of a process with their running journeys, dry-runs moving
 * the journeys from one version to another, and only after a dry run offers to migrate them. Journeys waiting at an
 * activity the new version lacks can be sent to one of its activities of the same kind (an explicit mapping, chosen
 * in a select and dry-run at once); Migrate sends exactly the versions and mappings of the last dry run. Everything is decided
 * on the server (plugin/process-revisions/{engine}/..., the same code as /api/process-revisions); for anyone else the
 * server answers 403 and the plugin shows nothing.
 */

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? "" : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

class Refused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function problemText(status, body) {
  if (body && body.errors) {
    return body.errors.map((error) => error.message).join(" ");
  }
  return (body && body.detail) || "The request failed (" + status + ").";
}

/** Cockpit's CSRF token, from the cookie its own requests send back as a header. */
function csrfToken() {
  const cookie = document.cookie.split(";").map((part) => part.trim()).find((part) => part.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

async function call(url, body) {
  const options = { credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.headers["X-XSRF-TOKEN"] = csrfToken();
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Refused(response.status, problemText(response.status, answer));
  }
  return answer;
}

function table(caption, headings, rows) {
  return el("table", { class: "table table-condensed sw-pr-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headings.map((heading) => el("th", { scope: "col" }, heading)))),
    el("tbody", {}, rows));
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString("en-GB") : "";
}

function versionsTable(revisions) {
  return table("Deployed versions", ["Version", "Version tag", "Deployed by", "Deployed at", "Running journeys", "Where they wait"],
    revisions.versions.map((version) => el("tr", { "data-version": version.version },
      el("td", {}, String(version.version)),
      el("td", {}, version.versionTag || ""),
      el("td", {}, version.deployedBy || ""),
      el("td", {}, when(version.deployedAt)),
      el("td", { "data-running": version.runningInstances }, String(version.runningInstances)),
      el("td", {}, version.activities.map((activity) => el("div", {}, activity.activityName + ": " + activity.instances))))));
}

function reportView(report) {
  const moves = table(report.dryRun ? "Where the journeys would go" : "Where the journeys went",
    ["Waiting at (version " + report.fromVersion + ")", "Journeys", "Goes to (version " + report.toVersion + ")"],
    report.activities.map((activity) => el("tr", { "data-activity": activity.activityId, "data-instances": activity.instances, "data-moves-to": activity.movesTo || "" },
      el("td", {}, activity.activityName),
      el("td", {}, String(activity.instances)),
      el("td", { class: activity.movesTo ? "" : "sw-pr-stays" },
        activity.movesTo ? activity.movesToName + (activity.mappedInRequest ? " (as you chose)" : "") : "cannot move: not in version " + report.toVersion))));
  const summary = el("p", { class: "sw-pr-summary", "data-movable": report.movable, "data-moved": report.moved },
    report.dryRun
      ? `${report.movable} of ${report.instances} journeys can move; ${report.unmovable.length} cannot and would stay on version ${report.fromVersion}. Nothing has been moved.`
      : `${report.movable} of ${report.instances} journeys are being moved to version ${report.toVersion}; ${report.unmovable.length} stay on version ${report.fromVersion}.`);
  const unmovable = report.unmovable.length === 0 ? null : el("ul", { class: "sw-pr-unmovable" },
    report.unmovable.map((instance) => el("li", { "data-instance": instance.processInstanceId },
      (instance.childRef || instance.processInstanceId) + ": " + instance.reasons.join(" "))));
  return el("div", {}, summary, moves, unmovable ? el("h4", {}, "Journeys that cannot move") : null, unmovable);
}

/**
 * For each activity the new version lacks, a select of the new version's activities its journeys could go to
 * (the server lists only those the engine accepts), first "Leave them where they are"; null when there is none.
 */
function mappingChoices(report, chosen) {
  const missing = report.activities.filter((activity) => !activity.inToVersion);
  if (missing.length === 0) {
    return null;
  }
  return el("fieldset", { class: "sw-pr-mappings" },
    el("legend", {}, `Activities version ${report.toVersion} does not have`),
    el("p", {}, `Choose where the journeys waiting at each should go in version ${report.toVersion}; the dry run is tried again with your choice. Migrate moves them only as the last dry run showed.`),
    missing.map((activity) => {
      const id = `sw-pr-map-${activity.activityId}`;
      const choices = activity.couldMoveTo || [];
      const select = el("select", { id, name: "mapping", class: "form-control input-sm", "data-mapping-from": activity.activityId },
        el("option", { value: "" }, "Leave them where they are"),
        choices.map((destination) => el("option", { value: destination.activityId, selected: chosen.get(activity.activityId) === destination.activityId },
          `${destination.activityName} (${destination.activityId})`)));
      return el("div", { class: "form-group sw-pr-mapping" },
        el("label", { for: id }, `Move journeys waiting at '${activity.activityName}' to`), " ", select,
        choices.length === 0 ? el("span", { class: "sw-pr-none" }, ` (version ${report.toVersion} has no activity of the same kind they could go to)`) : null);
    }));
}

/** The batch's outcome once it has run: how many journeys moved, and why any failed. */
function outcomeView(outcome) {
  const { moved, failed, refused } = outcome.journeys;
  const failures = [...new Set(outcome.activities.filter((activity) => activity.failed > 0).flatMap((activity) => activity.reasons))];
  return el("div", {},
    el("p", { class: "sw-pr-summary", "data-moved": moved },
      `${moved} of ${moved + failed + refused} journeys moved to version ${outcome.toVersion}; ${failed + refused} stayed on version ${outcome.fromVersion}.`),
    failures.length === 0 ? null : el("h4", {}, "Journeys the batch could not move"),
    failures.length === 0 ? null : el("ul", { class: "sw-pr-failed" }, failures.map((reason) => el("li", {}, reason))));
}

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function render(node, { api } = {}) {
  const base = api && api.cockpitApi ? api.cockpitApi : document.querySelector("base").getAttribute("cockpit-api").replace(/\/$/, "");
  const engine = (api && api.engine) || "default";
  const resource = `${base}/plugin/process-revisions/${encodeURIComponent(engine)}`;

  const processSelect = el("select", { id: "sw-pr-process", name: "process", class: "form-control input-sm" });
  const fromSelect = el("select", { id: "sw-pr-from", name: "fromVersion", class: "form-control input-sm" });
  const toSelect = el("select", { id: "sw-pr-to", name: "toVersion", class: "form-control input-sm" });
  const dryRunButton = el("button", { type: "button", class: "btn btn-default btn-sm", "data-action": "dry-run" }, "Dry run");
  const migrateButton = el("button", { type: "button", class: "btn btn-primary btn-sm", "data-action": "migrate", disabled: true }, "Migrate");
  const status = el("p", { class: "sw-pr-status", role: "status", "aria-live": "polite" });
  const versionsBox = el("div", { class: "sw-pr-versions" });
  const reportBox = el("div", { class: "sw-pr-report" });
  const section = el("section", { class: "sw-process-revisions", "data-plugin": "process-revisions" },
    el("h2", { class: "sw-pr-title" }, "Process revisions"),
    el("p", { class: "sw-pr-lead" }, "Move running journeys to a revised diagram: choose the versions, dry-run, read where each journey would go, then migrate. Open tasks, due dates and timers stay with each journey; journeys that cannot move stay where they are."),
    el("form", { class: "form-inline sw-pr-choice" },
      el("label", { for: "sw-pr-process" }, "Process "), processSelect, " ",
      el("label", { for: "sw-pr-from" }, "from version "), fromSelect, " ",
      el("label", { for: "sw-pr-to" }, "to version "), toSelect, " ", dryRunButton, " ", migrateButton),
    status, versionsBox, reportBox);
  node.appendChild(section);

  // The request of the last dry run, as sent: Migrate sends exactly it, and only while the screen still asks for it.
  let dryRunDone = null;
  // The owner's explicit mappings, activity of the old version to activity of the new; emptied when the versions change.
  const chosen = new Map();
  // Each dry run is numbered, so that an answer overtaken by a newer choice is not shown.
  let dryRunNumber = 0;
  const choice = () => ({
    fromVersion: Number(fromSelect.value),
    toVersion: Number(toSelect.value),
    mappings: [...chosen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([from, to]) => ({ from, to }))
  });
  const resetDryRun = () => {
    chosen.clear();
    dryRunNumber++;
    dryRunDone = null;
    migrateButton.disabled = true;
    migrateButton.textContent = "Migrate";
    reportBox.replaceChildren();
    section.removeAttribute("data-report");
  };

  async function loadRevisions() {
    resetDryRun();
    status.textContent = "Loading the versions…";
    const revisions = await call(`${resource}/revisions/${encodeURIComponent(processSelect.value)}`);
    const options = (selected) => revisions.versions.map((version) =>
      el("option", { value: version.version, selected: version.version === selected }, `${version.version} (${version.versionTag || "no tag"})`));
    const latest = revisions.versions[revisions.versions.length - 1].version;
    const previous = revisions.versions.length > 1 ? revisions.versions[revisions.versions.length - 2].version : latest;
    fromSelect.replaceChildren(...options(previous));
    toSelect.replaceChildren(...options(latest));
    versionsBox.replaceChildren(versionsTable(revisions));
    status.textContent = "";
    section.setAttribute("data-loaded", "revisions");
  }

  async function run(dryRun) {
    const asked = dryRun ? choice() : JSON.parse(dryRunDone);
    const request = Object.assign({}, asked, { dryRun });
    const number = ++dryRunNumber;
    status.textContent = dryRun ? "Trying every journey…" : "Moving the journeys…";
    const report = await call(`${resource}/migrations/${encodeURIComponent(processSelect.value)}`, request);
    if (dryRun && number !== dryRunNumber) {
      return;
    }
    // The selects are drawn again: keyboard focus stays on the one the owner was using.
    const focused = reportBox.contains(document.activeElement) ? document.activeElement.id : null;
    reportBox.replaceChildren(reportView(report), dryRun ? mappingChoices(report, chosen) : null);
    if (focused && document.getElementById(focused)) {
      document.getElementById(focused).focus();
    }
    status.textContent = "";
    if (dryRun) {
      dryRunDone = JSON.stringify(asked);
      migrateButton.disabled = report.movable === 0;
      migrateButton.textContent = `Migrate ${report.movable} journeys`;
      section.setAttribute("data-report", "dry-run");
    } else {
      // A Camunda batch moves the journeys, one job each: follow it until every job has run (or failed for good).
      dryRunDone = null;
      migrateButton.disabled = true;
      section.setAttribute("data-report", "migrating");
      section.setAttribute("data-batch", report.batchId);
      let outcome = await call(`${resource}/migrations/${encodeURIComponent(processSelect.value)}/${encodeURIComponent(report.batchId)}`);
      while (outcome.state === "RUNNING") {
        status.textContent = `Moving the journeys: ${outcome.jobs.done} of ${outcome.jobs.total} done.`;
        await sleep(1000);
        outcome = await call(`${resource}/migrations/${encodeURIComponent(processSelect.value)}/${encodeURIComponent(report.batchId)}`);
      }
      await loadRevisions().catch(() => null);
      status.textContent = "";
      reportBox.replaceChildren(outcomeView(outcome), reportView(report));
      section.setAttribute("data-report", "migrated");
    }
  }

  const failed = (error) => {
    if (error instanceof Refused && error.status === 403) {
      section.remove();
      return;
    }
    status.textContent = error.message;
  };

  processSelect.addEventListener("change", () => loadRevisions().catch(failed));
  fromSelect.addEventListener("change", resetDryRun);
  toSelect.addEventListener("change", resetDryRun);
  dryRunButton.addEventListener("click", () => run(true).catch(failed));
  reportBox.addEventListener("change", (event) => {
    const from = event.target.getAttribute("data-mapping-from");
    if (!from) {
      return;
    }
    if (event.target.value) {
      chosen.set(from, event.target.value);
    } else {
      chosen.delete(from);
    }
    // Nothing that was not dry-run may be migrated: Migrate waits for the dry run with this choice.
    migrateButton.disabled = true;
    migrateButton.textContent = "Migrate";
    section.setAttribute("data-report", "dry-run-again");
    run(true).catch(failed);
  });
  migrateButton.addEventListener("click", () => {
    // Only the versions and mappings that were dry-run.
    if (dryRunDone !== JSON.stringify(choice())) {
      migrateButton.disabled = true;
      status.textContent = "Your choice has changed since the dry run: run the dry run again before migrating.";
      return;
    }
    run(false).catch(failed);
  });

  call(`${resource}/processes`)
    .then((processes) => {
      processSelect.replaceChildren(...processes.map((process) => el("option", { value: process.key }, `${process.name} (${process.key})`)));
      return loadRevisions();
    })
    .catch(failed);
}

export default [
  {
    id: "safeguarding-process-revisions",
    pluginPoint: "cockpit.dashboard",
    priority: 10,
    render,
    properties: {
      label: "Process revisions"
    }
  }
];
