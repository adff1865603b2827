/*
 * Repeat child protection plans: a Cockpit dashboard plugin (Camunda 7 front-end plugin, plain JavaScript module).
 * Cockpit imports this file and renders the dashboard as a page of its own ("cockpit.route") with a tab in the header
 * ("cockpit.navigation").
 *
 * The figures come from this application's Cockpit plugin resource (plugin/repeat-plans/{engine}/...), which runs
 * with the manager's Cockpit login and calls the same report as /api/reports: nothing is computed here but the
 * chart's geometry. No build step, no external scripts; the chart is inline SVG.
 */

const SVG = "http://www.w3.org/2000/svg";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const CATEGORIES = { NEG: "Neglect", PHY: "Physical abuse", SAB: "Sexual abuse", EMO: "Emotional abuse", MUL: "Multiple" };
// The four parties' joint decision before a repeat ICPC, in the words the coordinator's form uses.
const DECISIONS = {
  ICPC: "A conference",
  LEGAL_ROUTE: "The legal route instead of a conference",
  ICPC_AND_LEGAL_ROUTE: "A conference and legal planning",
  NO_CONFERENCE: "No conference"
};
/** Where the dashboard lives in Cockpit: its own tab, and the page a manager lands on (see scripts/safeguarding-shell.js). */
const ROUTE = "/repeat-plans";

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.appendChild(typeof child === "string" ? document.createTextNode(child) : child));
  return node;
}

/**
 * A figure as the API gives it. data-figure is its path in the API's JSON and data-value its raw value, so that what
 * the dashboard shows can be checked against the API.
 */
function figure(name, value, text) {
  const shown = value === undefined || value === null ? "–" : text !== undefined ? text : String(value);
  return el("span", { class: "sw-rp-value", "data-figure": name, "data-value": value === undefined || value === null ? "" : String(value) }, shown);
}

function percent(rate) {
  return rate === undefined || rate === null ? undefined : (rate * 100).toFixed(1) + "%";
}

function months(value) {
  return value === undefined || value === null ? undefined : value.toFixed(1);
}

function signed(change) {
  return change === undefined || change === null ? undefined : (change > 0 ? "+" : "") + change + "%";
}

/** An ISO date (2026-03-15) as practitioners in England write it (15/03/2026). */
function dayMonthYear(isoDate) {
  const [year, month, day] = String(isoDate).split("-");
  return day && month && year ? `${day}/${month}/${year}` : String(isoDate);
}

/** A dd/mm/yyyy field's date as ISO, or the problem in plain words; an impossible date (31/02) is refused, never moved. */
function isoDate(input, label) {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.value.trim());
  const date = match && new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])));
  const valid = date && date.getUTCFullYear() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1
    && date.getUTCDate() === Number(match[1]);
  input.setAttribute("aria-invalid", valid ? "false" : "true");
  if (!valid) {
    input.focus();
    return { problem: `${label}: write a real date as dd/mm/yyyy, for example 01/04/2026.` };
  }
  return { iso: date.toISOString().substring(0, 10) };
}

function dateFigure(name, isoDate) {
  return figure(name, isoDate, isoDate === undefined || isoDate === null ? undefined : dayMonthYear(isoDate));
}

function monthLabel(yearMonth) {
  const [year, month] = yearMonth.split("-");
  return MONTHS[Number(month) - 1] + " " + year;
}

function tile(title, ...content) {
  return el("div", { class: "sw-rp-tile" }, el("div", { class: "sw-rp-tile-title" }, title), el("div", { class: "sw-rp-tile-body" }, ...content));
}

function headlines(report) {
  const previous = report.previousPeriod || {};
  const change = report.change || {};
  return el("div", { class: "sw-rp-tiles" },
    tile("Plans started", figure("plansStarted", report.plansStarted)),
    tile("Repeat plans, national measure (DfE D3: any time before)",
      figure("repeatPlans", report.repeatPlans), " ",
      el("span", { class: "sw-rp-note" }, "(", figure("repeatRate", report.repeatRate, percent(report.repeatRate)), " of plans)"),
      el("div", { class: "sw-rp-note" }, "Counted from a census return's previous plans alone: ",
        figure("repeatPlansFromNumberOfPreviousCpp", report.repeatPlansFromNumberOfPreviousCpp))),
    tile("Repeat plans within 2 years (local measure, no national figure)",
      figure("repeatPlansWithin2Years", report.repeatPlansWithin2Years), " ",
      el("span", { class: "sw-rp-note" }, "(", figure("repeatRateWithin2Years", report.repeatRateWithin2Years, percent(report.repeatRateWithin2Years)), " of plans)")),
    tile("Against the same dates a year earlier",
      el("div", {}, "Repeat plans: ", figure("previousPeriod.repeatPlans", previous.repeatPlans), " then, change ",
        figure("change.repeatPlans", change.repeatPlans, signed(change.repeatPlans))),
      el("div", {}, "Within 2 years: ", figure("previousPeriod.repeatPlansWithin2Years", previous.repeatPlansWithin2Years), " then, change ",
        figure("change.repeatPlansWithin2Years", change.repeatPlansWithin2Years, signed(change.repeatPlansWithin2Years)))),
    tile("Children with a repeat plan", figure("childrenWithRepeatPlan", report.childrenWithRepeatPlan),
      el("div", { class: "sw-rp-note" }, "Third or later plans: ", figure("thirdOrLaterPlans", report.thirdOrLaterPlans))),
    tile("Months between plans",
      el("div", {}, "Mean ", figure("meanMonthsBetweenPlans", report.meanMonthsBetweenPlans, months(report.meanMonthsBetweenPlans))),
      el("div", {}, "Median ", figure("medianMonthsBetweenPlans", report.medianMonthsBetweenPlans, months(report.medianMonthsBetweenPlans)))));
}

function table(caption, headings, rows) {
  return el("table", { class: "sw-rp-table table table-condensed" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headings.map((heading) => el("th", { scope: "col" }, heading)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((cell, index) => (index === 0 ? el("th", { scope: "row" }, cell) : el("td", {}, cell)))))));
}

function byCategory(report) {
  const previous = (report.previousPeriod || {}).byCategory || {};
  return table("Repeat plans by initial category of abuse", ["Category", "This period", "A year earlier"],
    Object.keys(report.byCategory || {}).map((code) => [CATEGORIES[code] || code,
      figure("byCategory." + code, report.byCategory[code]), figure("previousPeriod.byCategory." + code, previous[code])]));
}

function processes(report) {
  const icpc = report.processes.repeatIcpc;
  const stepDown = report.processes.stepDown;
  const legal = report.processes.legalPlanning;
  const decisions = Object.keys(icpc.decisions || {}).map((decision) => ["Decision: " + (DECISIONS[decision] || decision), figure("processes.repeatIcpc.decisions." + decision, icpc.decisions[decision])]);
  return el("div", { class: "sw-rp-processes" },
    table("Before a repeat ICPC (briefing point 7)", ["", ""], [
      ["Repeat ICPC proposals", figure("processes.repeatIcpc.proposals", icpc.proposals)],
      ["Four-party discussion completed before scheduling", el("span", {}, figure("processes.repeatIcpc.fourPartyDiscussionBeforeScheduling", icpc.fourPartyDiscussionBeforeScheduling), " (", figure("processes.repeatIcpc.fourPartyDiscussionRate", icpc.fourPartyDiscussionRate, percent(icpc.fourPartyDiscussionRate)), ")")],
      ["Overrides used", figure("processes.repeatIcpc.overridesUsed", icpc.overridesUsed)],
      ["Previous IRO chairing", el("span", {}, figure("processes.repeatIcpc.previousIroChaired", icpc.previousIroChaired), " (", figure("processes.repeatIcpc.previousIroRate", icpc.previousIroRate, percent(icpc.previousIroRate)), ")")],
      ...decisions]),
    table("Stepping down (briefing points 5 and 7)", ["", ""], [
      ["Plans ended", figure("processes.stepDown.endedPlans", stepDown.endedPlans)],
      ["With a step-down meeting and contingency recorded", el("span", {}, figure("processes.stepDown.withMeetingAndContingency", stepDown.withMeetingAndContingency), " (", figure("processes.stepDown.meetingAndContingencyRate", stepDown.meetingAndContingencyRate, percent(stepDown.meetingAndContingencyRate)), ")")],
      ["Supervisions on time in watch periods", el("span", {}, figure("processes.stepDown.supervisionsOnTime", stepDown.supervisionsOnTime), " of ", figure("processes.stepDown.supervisionsDue", stepDown.supervisionsDue))],
      ["CIN reviews on time in watch periods", el("span", {}, figure("processes.stepDown.reviewsOnTime", stepDown.reviewsOnTime), " of ", figure("processes.stepDown.reviewsDue", stepDown.reviewsDue))],
      ["Concerns within 3 months of step-down", figure("processes.stepDown.concernsWithin3Months", stepDown.concernsWithin3Months)],
      ["Concerns within 6 months of step-down", figure("processes.stepDown.concernsWithin6Months", stepDown.concernsWithin6Months)],
      ["Concerns within 12 months of step-down", figure("processes.stepDown.concernsWithin12Months", stepDown.concernsWithin12Months)]]),
    table("Legal planning (briefing point 6)", ["", ""], [
      ["Recommendations", figure("processes.legalPlanning.recommendations", legal.recommendations)],
      ["Open past their deadline", figure("processes.legalPlanning.openPastDeadline", legal.openPastDeadline)]]));
}

/** Upper end of the y axis: a round number at or above the largest bar. */
function niceMax(value) {
  if (value <= 4) {
    return 4;
  }
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  const steps = [1, 2, 2.5, 5, 10];
  for (const step of steps) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

/** Grouped bars: each month's repeat plans against the same month a year earlier. */
function chart(monthly) {
  const months = monthly.months;
  const width = 960, height = 300, left = 44, right = 12, top = 16, bottom = 48;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const max = niceMax(Math.max(1, ...months.map((m) => Math.max(m.repeatPlans, m.previousYearRepeatPlans))));
  const groupWidth = plotWidth / months.length;
  const barWidth = Math.max(2, (groupWidth - 6) / 2);
  const y = (value) => top + plotHeight - (value / max) * plotHeight;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "sw-rp-chart", role: "img", "aria-labelledby": "sw-rp-chart-title" },
    svg("title", { id: "sw-rp-chart-title" }, `Repeat plans per month, ${monthLabel(monthly.from)} to ${monthLabel(monthly.to)}, against the same month a year earlier`));
  for (let i = 0; i <= 4; i++) {
    const value = (max / 4) * i;
    root.appendChild(svg("line", { x1: left, x2: width - right, y1: y(value), y2: y(value), class: "sw-rp-grid" }));
    root.appendChild(svg("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end", class: "sw-rp-axis" }, String(Math.round(value * 10) / 10)));
  }
  months.forEach((m, index) => {
    const x = left + index * groupWidth + 3;
    const [year, month] = m.month.split("-");
    const before = svg("rect", { x, y: y(m.previousYearRepeatPlans), width: barWidth, height: y(0) - y(m.previousYearRepeatPlans), class: "sw-rp-bar-before", "data-month": m.month, "data-series": "previousYear", "data-value": m.previousYearRepeatPlans },
      svg("title", {}, `${monthLabel(m.month).replace(year, String(Number(year) - 1))}: ${m.previousYearRepeatPlans} repeat plan(s)`));
    const now = svg("rect", { x: x + barWidth, y: y(m.repeatPlans), width: barWidth, height: y(0) - y(m.repeatPlans), class: "sw-rp-bar-now", "data-month": m.month, "data-series": "thisYear", "data-value": m.repeatPlans },
      svg("title", {}, `${monthLabel(m.month)}: ${m.repeatPlans} repeat plan(s), ${m.repeatPlansWithin2Years} within 2 years`));
    root.appendChild(before);
    root.appendChild(now);
    root.appendChild(svg("text", { x: x + barWidth, y: height - bottom + 16, "text-anchor": "middle", class: "sw-rp-axis" }, MONTHS[Number(month) - 1].charAt(0)));
    // The year under each January, and under the first month unless a January follows too closely.
    if (month === "01" || (index === 0 && Number(month) <= 10)) {
      root.appendChild(svg("text", { x: x, y: height - bottom + 32, class: "sw-rp-axis sw-rp-year" }, year));
    }
  });
  root.appendChild(svg("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), class: "sw-rp-baseline" }));
  const legend = el("div", { class: "sw-rp-legend" },
    el("span", { class: "sw-rp-key sw-rp-key-now" }), " Repeat plans starting in the month ",
    el("span", { class: "sw-rp-key sw-rp-key-before" }), " The same month a year earlier");
  const rows = months.map((m) => [monthLabel(m.month), String(m.repeatPlans), String(m.repeatPlansWithin2Years), String(m.previousYearRepeatPlans), String(m.previousYearRepeatPlansWithin2Years)]);
  const details = el("details", { class: "sw-rp-details" }, el("summary", {}, "The chart's figures"),
    table("Repeat plans per month", ["Month", "Repeat plans", "Within 2 years", "A year earlier", "Within 2 years, a year earlier"], rows));
  return el("div", { class: "sw-rp-chart-box" }, root, legend, details);
}

function problemText(status, body) {
  if (status === 403) {
    return "Only managers, process owners and administrators can see this report.";
  }
  if (body && body.errors) {
    return body.errors.map((error) => error.message).join(" ");
  }
  return (body && body.detail) || "The report could not be loaded (" + status + ").";
}

async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(problemText(response.status, body));
  }
  return body;
}

function render(node, { api } = {}) {
  const base = api && api.cockpitApi ? api.cockpitApi : document.querySelector("base").getAttribute("cockpit-api").replace(/\/$/, "");
  const engine = (api && api.engine) || "default";
  const resource = `${base}/plugin/repeat-plans/${encodeURIComponent(engine)}`;

  // Text fields taking dd/mm/yyyy: a browser's date picker follows the browser's language (mm/dd/yyyy on a machine left
  // on English (US)); practitioners in England write dd/mm/yyyy whatever their browser says.
  const dateField = (id, name) => el("input", { type: "text", id, name, class: "form-control input-sm", required: "required",
    "aria-required": "true", inputmode: "numeric", autocomplete: "off", size: "10", "aria-describedby": "sw-rp-date-hint" });
  const fromInput = dateField("sw-rp-from", "from");
  const toInput = dateField("sw-rp-to", "to");
  const download = el("a", { class: "btn btn-default btn-sm sw-rp-download", "data-action": "download-csv" }, "Download CSV");
  const status = el("p", { class: "sw-rp-status", role: "status", "aria-live": "polite" }, "Loading the report…");
  const figures = el("div", { class: "sw-rp-figures" });
  const chartBox = el("div", { class: "sw-rp-chart-area" });
  const form = el("form", { class: "sw-rp-period form-inline" },
    el("label", { for: "sw-rp-from" }, "From "), fromInput, " ",
    el("label", { for: "sw-rp-to" }, "to "), toInput, " ",
    el("button", { type: "submit", class: "btn btn-primary btn-sm" }, "Show"), " ", download,
    el("span", { id: "sw-rp-date-hint", class: "sw-rp-note" }, " Dates as dd/mm/yyyy, for example 01/04/2026."));

  const section = el("section", { class: "sw-repeat-plans", "data-plugin": "repeat-plans" },
    el("h2", { class: "sw-rp-title" }, "Repeat child protection plans"),
    el("p", { class: "sw-rp-lead" },
      "From the plan history. A plan starts in the period when its start date falls between the two dates. ",
      "A repeat plan is a second or subsequent plan for the child, however long ago the earlier one was (DfE table D3); ",
      "within 2 years means the child's previous plan ended no more than 2 years before."),
    form, status, figures,
    el("h3", { class: "sw-rp-subtitle" }, "Repeat plans per month, last 24 months"), chartBox);
  node.appendChild(section);

  async function load(query) {
    status.textContent = "Loading the report…";
    try {
      const report = await getJson(`${resource}/report${query}`);
      fromInput.value = dayMonthYear(report.from);
      toInput.value = dayMonthYear(report.to);
      download.setAttribute("href", `${resource}/report.csv?from=${report.from}&to=${report.to}`);
      download.setAttribute("download", `repeat-plans-${report.from}-to-${report.to}.csv`);
      figures.replaceChildren(
        el("p", { class: "sw-rp-period-text" }, "Plans starting ", dateFigure("from", report.from), " to ", dateFigure("to", report.to),
          "; compared with ", dateFigure("previousPeriod.from", report.previousPeriod.from), " to ", dateFigure("previousPeriod.to", report.previousPeriod.to), "."),
        headlines(report), byCategory(report),
        el("h3", { class: "sw-rp-subtitle" }, "From the processes"), processes(report));
      status.textContent = "";
      section.setAttribute("data-loaded", "report");
    } catch (error) {
      status.textContent = error.message;
      section.setAttribute("data-loaded", "error");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const from = isoDate(fromInput, "From");
    const to = from.iso ? isoDate(toInput, "To") : {};
    if (!from.iso || !to.iso) {
      status.textContent = (from.problem || to.problem);
      return;
    }
    load(`?from=${encodeURIComponent(from.iso)}&to=${encodeURIComponent(to.iso)}`);
  });

  load("");
  getJson(`${resource}/monthly`)
    .then((monthly) => {
      chartBox.replaceChildren(chart(monthly));
      chartBox.setAttribute("data-loaded", "chart");
    })
    .catch((error) => {
      chartBox.textContent = error.message;
    });
}

function navigationLink(node) {
  node.appendChild(el("a", { href: "#" + ROUTE, "data-nav": "repeat-plans" }, "Repeat plans"));
}

// Its own top-level tab, first in the header (Cockpit lists navigation entries by descending priority), rather than
// the dashboard's "Custom plugins" section at the bottom of the start page, where managers did not find it.
export default [
  {
    id: "safeguarding-repeat-plans",
    pluginPoint: "cockpit.route",
    render,
    properties: {
      path: ROUTE,
      label: "Repeat child protection plans"
    }
  },
  {
    id: "safeguarding-repeat-plans-tab",
    pluginPoint: "cockpit.navigation",
    priority: 1000,
    render: navigationLink,
    properties: {
      pagePath: "#" + ROUTE,
      label: "Repeat plans",
      checkActive: (url) => url.indexOf("#" + ROUTE) > -1
    }
  }
];
