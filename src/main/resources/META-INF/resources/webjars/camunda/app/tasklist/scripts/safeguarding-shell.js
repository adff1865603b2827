/*
 * Safeguarding Workflows - the shell every Camunda webapp shares (Tasklist, Cockpit, Admin, Welcome load this module
 * through their config.js customScripts).
 *
 * Why: managers did not find the repeat-plan dashboard at the bottom of Cockpit's start page; "Human Tasks" in Cockpit
 * shows every manager a permission error (it counts every task of the engine, which only administrators may read:
 * managers see their work in Tasklist's filters); and the accessibility statement, which public sector bodies must
 * publish, has to be reachable from every page.
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

addStyle(`
  #sw-shell-links { position: fixed; right: 0; bottom: 0; z-index: 1000; padding: 2px 10px; background: #fff;
    border-top-left-radius: 3px; font-size: 13px; }
  #sw-shell-links a { color: #1d4f91; text-decoration: underline; margin-left: 12px; }
`);

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', footerLinks);
} else {
  footerLinks();
}

export default [];
