/*
 * Safeguarding Workflows - Tasklist custom script.
 *
 * Why: Tasklist's "Save" does not save to the case record. It keeps the form's values - case notes - in the
 * browser's localStorage ("camunda-form:<task id>" for Camunda Forms, "camForm:<id>" for embedded forms), and Tasklist
 * also writes them there by itself when the session expires. Nothing removes them at logout: on a shared or hot-desk
 * computer the next person to use the browser can read them. A social worker pressing "Save" expects the notes to be
 * kept with the case, not left behind in one browser.
 *
 * What: the Save button is removed, so nobody believes notes are kept when they are not; Tasklist is never allowed
 * to write a form draft to the browser's storage; and any draft already there (written before this script) is
 * removed whenever Tasklist loads, the login page included, and at logout. A task's notes are kept by completing it.
 */
const DRAFT_KEY_PREFIXES = ['camunda-form:', 'camForm:'];

function isFormDraft(key) {
  return typeof key === 'string' && DRAFT_KEY_PREFIXES.some(prefix => key.indexOf(prefix) === 0);
}

function removeFormDrafts() {
  [window.localStorage, window.sessionStorage].forEach(storage => {
    for (let i = storage.length - 1; i >= 0; i--) {
      if (isFormDraft(storage.key(i))) {
        storage.removeItem(storage.key(i));
      }
    }
  });
}

const storeItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (isFormDraft(key)) {
    return;
  }
  storeItem.call(this, key, value);
};

const hideSave = document.createElement('style');
hideSave.textContent = "button[ng-click='save($event)'] { display: none !important; }";
document.head.appendChild(hideSave);

removeFormDrafts();
// Capture phase: runs before Tasklist's own logout handler leaves the page.
document.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.closest('li.logout')) {
    removeFormDrafts();
  }
}, true);
window.addEventListener('pagehide', removeFormDrafts);

export default [];
