// Safeguarding Workflows: Camunda's Cockpit configuration (Camunda's own is empty).
export default {
  // The application's and the council's names, filled in from safeguarding.branding (branding/WebappConfigScripts).
  app: "@branding@",
  // The shell every app shares (skip link, links to the application's pages, accessibility fixes): one module, kept
  // with Tasklist's scripts.
  customScripts: ['../tasklist/scripts/safeguarding-shell']
};
