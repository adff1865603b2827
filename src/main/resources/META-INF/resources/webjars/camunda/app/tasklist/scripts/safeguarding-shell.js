/*
 * Safeguarding Workflows - the shell every Camunda webapp shares (Tasklist, Cockpit, Admin, Welcome load this module
 * through their config.js customScripts).
 *
 * Why: managers did not find the repeat-plan dashboard at the bottom of Cockpit's start page; "Human Tasks" in Cockpit
 * shows every manager a permission error (it counts every task of the engine, which only administrators may read:
 * managers see their work in Tasklist's filters); the accessibility statement, which public sector bodies must
 * publish, has to be reachable from every page; and Camunda's own screens around the forms fail WCAG 2.2 AA in ways
 * configuration cannot reach (found with axe-core and the keyboard): it took 31 Tabs to reach a form's first field,
 * icon-only buttons and links have no name, required fields are not announced (no aria-required), notices cover
 * "Complete", and some text is too pale. What is fixed here is listed in the accessibility statement; what is not,
 * too.
 */
const app = (document.querySelector('base') && document.querySelector('base').getAttribute('app-name')) || '';
const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
// The application's own pages are served beside the webapps (/camunda -> /).
const siteRoot = appRoot.replace(/\/camunda\/?$/, '');

function addStyle(css) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}

if (app === 'cockpit') {
  // Cockpit's start page, at first load, is the repeat-plan dashboard (its own tab); Cockpit's dashboard stays a
  // click away. "Human Tasks" is hidden, from the header and the dashboard, and its page leads to the dashboard.
  const hash = window.location.hash;
  if (hash === '' || hash === '#/' || hash === '#/dashboard' || hash.indexOf('#/tasks') === 0) {
    window.location.hash = '#/repeat-plans';
  }
  // "Human Tasks" typed or bookmarked later in a session (#/tasks) goes to the dashboard too, before Cockpit's router
  // sees it: its page would ask the engine for every task and show a manager a permission error.
  // (Browsers send popstate, then hashchange; AngularJS listens to both.)
  const awayFromHumanTasks = (event) => {
    if (window.location.hash.indexOf('#/tasks') === 0) {
      event.stopImmediatePropagation();
      window.location.replace('#/repeat-plans');
    }
  };
  window.addEventListener('popstate', awayFromHumanTasks, true);
  window.addEventListener('hashchange', awayFromHumanTasks, true);
  addStyle(`
    [ng-controller="camHeaderViewsCtrl"] > li:has(a[href="#/tasks"]), .open-human-tasks { display: none !important; }
  `);
}

function footerLinks() {
  if (document.getElementById('sw-shell-links')) {
    return;
  }
  const nav = document.createElement('nav');
  nav.id = 'sw-shell-links';
  nav.setAttribute('aria-label', 'About this service');
  const links = [['Accessibility statement', '/accessibility-statement.html']];
  if (app === 'tasklist' || app === 'cockpit') {
    links.unshift(['Children in a watch period', '/pages/caseload']);
  }
  links.forEach(([text, path]) => {
    const link = document.createElement('a');
    link.href = siteRoot + path;
    link.textContent = text;
    nav.appendChild(link);
  });
  document.body.appendChild(nav);
}

/**
 * The first thing a keyboard reaches: in Tasklist it goes straight to the open task's first field (or, with no task
 * open, to the task list); elsewhere to the page's content. A button, not a link: Camunda's pages route on the URL's
 * "#", which an in-page link would change.
 */
function skipLink() {
  if (document.getElementById('sw-skip-link')) {
    return;
  }
  const skip = document.createElement('button');
  skip.type = 'button';
  skip.id = 'sw-skip-link';
  skip.textContent = app === 'tasklist' ? 'Skip to the form' : 'Skip to main content';
  skip.addEventListener('click', () => {
    const target = app === 'tasklist'
      ? document.querySelector('.fjs-form input:not([disabled]):not([type=hidden]), .fjs-form textarea:not([disabled]), .fjs-form .fjs-input-group input:not([disabled])')
        || document.querySelector('.tasks-list a, [cam-tasks] a')
      : document.querySelector('[ng-view], .ctn-main');
    if (target) {
      if (!target.matches('input, textarea, a, button, select')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  });
  document.body.insertBefore(skip, document.body.firstChild);
}

/** Names for Camunda's icon-only controls, by what they do; anything else unnamed takes its tooltip or title. */
const CONTROL_NAMES = [
  ['button[data-region="filters"]', 'Show or hide the filters'],
  ['button[data-region="list"]', 'Show or hide the task list'],
  ['.region-toggle[data-region="task"]', 'Show or hide the task'],
  ['.maximize', 'Enlarge the task'],
  ['a[ng-click="openModal($event, filter)"]', 'Edit this filter'],
  ['.sort-direction', 'Change the sorting direction'],
  ['.new-sort > .dropdown-toggle', 'Add a sorting'],
  ['.instance-link', 'Open the process in Cockpit'],
  ['.reset-due-date', 'Remove the due date'],
  ['.reset-follow-up-date', 'Remove the follow-up date'],
  ['[cam-widget-header] .dropdown-toggle', 'Account and applications menu'],
  ['.dropdown-toggle[uib-dropdown-toggle]', 'Open the menu']
];

function hasName(element) {
  // innerText: text a sighted user sees (a hidden caption names nothing)
  return (element.innerText || '').trim() !== '' || element.hasAttribute('aria-label')
    || element.hasAttribute('aria-labelledby') || (element.querySelector('img[alt]:not([alt=""])') !== null);
}

function nameControls(root) {
  CONTROL_NAMES.forEach(([selector, name]) => {
    root.querySelectorAll(selector).forEach(element => {
      if (!hasName(element)) {
        element.setAttribute('aria-label', name);
      }
    });
  });
  root.querySelectorAll('button, a[href], a[ng-click]').forEach(element => {
    if (!hasName(element)) {
      const hint = element.getAttribute('uib-tooltip') || element.getAttribute('tooltip') || element.getAttribute('title');
      if (hint) {
        element.setAttribute('aria-label', hint);
      }
    }
  });
  // The search box's typeahead puts ARIA attributes on an input whose role does not allow them.
  root.querySelectorAll('input.main-field[aria-owns], input.main-field[aria-expanded], input.main-field[aria-autocomplete]').forEach(input => {
    if (!input.hasAttribute('role')) {
      input.setAttribute('role', 'combobox');
    }
  });
}

/**
 * Camunda Forms marks a required field with an asterisk that screen readers skip (aria-hidden) and does not always
 * set aria-required: each field whose label carries the asterisk, or that is required, is announced as required.
 */
function announceRequiredFields(root) {
  root.querySelectorAll('.fjs-form-field').forEach(field => {
    const label = field.querySelector('label.fjs-form-field-label[for]');
    if (!label || !label.querySelector('.fjs-asterix')) {
      return;
    }
    const input = document.getElementById(label.getAttribute('for'));
    if (input && input.getAttribute('aria-required') !== 'true') {
      input.setAttribute('aria-required', 'true');
    }
  });
  root.querySelectorAll('.fjs-form input[required], .fjs-form textarea[required], .fjs-form select[required]').forEach(input => {
    if (input.getAttribute('aria-required') !== 'true') {
      input.setAttribute('aria-required', 'true');
    }
  });
}

function fixShell() {
  skipLink();
  footerLinks();
  nameControls(document);
  announceRequiredFields(document);
}

addStyle(`
  #sw-shell-links { position: fixed; right: 0; bottom: 0; z-index: 1000; padding: 2px 10px; background: #fff;
    border-top-left-radius: 3px; font-size: 13px; }
  #sw-shell-links a { color: #1d4f91; text-decoration: underline; margin-left: 12px; }
  #sw-skip-link { position: absolute; left: -9999px; top: 4px; z-index: 2000; padding: 8px 12px; background: #fd0;
    color: #0b0c0c; border: 2px solid #0b0c0c; font-weight: bold; }
  #sw-skip-link:focus { left: 8px; }
  /* Notices appear at the top of the page, under the header, never over the form's Complete button. */
  .page-notifications { top: 70px !important; bottom: auto !important; max-height: 40% !important; }
  /* Text too pale on Camunda's light backgrounds (WCAG 1.4.3). */
  #footer-timezone, #footer-timezone i, .footer, footer [cam-widget-footer] { color: #3b3b3b !important; }
  /* Small toggles reach the 24 x 24 pixel target size (WCAG 2.5.8). */
  button[data-region], .region-toggle, .maximize { min-width: 24px; min-height: 24px; }
`);

function start() {
  fixShell();
  // Camunda renders its views as the user moves around: fix each new part as it appears.
  let queued = false;
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(() => {
        queued = false;
        fixShell();
      });
    }
  }).observe(document.body, { childList: true, subtree: true });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}

export default [];
