/*
 * Journey in plain words: a tab on Cockpit's process instance page (Camunda 7 front-end plugin, plain JavaScript
 * module). Cockpit's own Variables tab shows what the engine holds (codes, ISO dates, JSON); this tab shows the same
 * journey as a practitioner reads it: the child reference, the stage, and each answer under its form's label, with
 * codes as words and dates as dd/mm/yyyy. Everything is decided on the server
 * (plugin/journey-in-words/{engine}/journeys/{id}); a journey the user may not see answers 404 and the tab says so.
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
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  });
  return node;
}

function journeyView(journey) {
  const facts = el("dl", { class: "sw-jw-facts" },
    el("dt", {}, "Child"), el("dd", { "data-fact": "child" }, journey.childRef || "Not recorded"),
    el("dt", {}, "Journey"), el("dd", { "data-fact": "process" }, journey.process),
    el("dt", {}, "Stage"), el("dd", { "data-fact": "stage" }, journey.stage));
  const rows = journey.answers.map((answer) => el("tr", { "data-key": answer.key },
    el("th", { scope: "row" }, answer.label), el("td", { class: "sw-jw-answer" }, answer.value)));
  const answers = rows.length === 0
    ? el("p", {}, "Nothing has been recorded in a form yet.")
    : el("table", { class: "table table-condensed sw-jw-answers" },
      el("caption", {}, "What has been recorded"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Question"), el("th", { scope: "col" }, "Answer"))),
      el("tbody", {}, rows));
  return [facts, answers];
}

function render(node, { api, processInstanceId } = {}) {
  const base = api && api.cockpitApi ? api.cockpitApi : document.querySelector("base").getAttribute("cockpit-api").replace(/\/$/, "");
  const engine = (api && api.engine) || "default";
  const status = el("p", { class: "sw-jw-status", role: "status", "aria-live": "polite" }, "Loading the journey…");
  const section = el("section", { class: "sw-journey-in-words", "data-plugin": "journey-in-words", "aria-label": "Journey in plain words" }, status);
  node.appendChild(section);

  fetch(`${base}/plugin/journey-in-words/${encodeURIComponent(engine)}/journeys/${encodeURIComponent(processInstanceId)}`,
    { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(async (response) => {
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        status.textContent = (answer && answer.detail) || "The journey could not be read.";
        section.setAttribute("data-loaded", "refused");
        return;
      }
      status.textContent = "";
      section.append(...journeyView(answer));
      section.setAttribute("data-loaded", "journey");
    })
    .catch(() => {
      status.textContent = "The journey could not be read.";
    });
}

export default [
  {
    id: "safeguarding-journey-in-words",
    pluginPoint: "cockpit.processInstance.runtime.tab",
    priority: 20,
    render,
    properties: {
      label: "Journey in plain words"
    }
  }
];
