/*
 * Safeguarding Workflows - Tasklist custom script.
 *
 * Why: when a required field is empty, form-js refuses the submission in the browser and marks the field, but
 * Tasklist then shows only its own notice, "An error happened while submitting the task form" (or "The process could
 * not be started."), which says neither what is wrong nor where: on a long form the marked field is out of sight.
 *
 * What: when Tasklist shows that notice while the form has fields in error (so the form, not the server, refused),
 * the notice says "Please answer: <the fields' labels>." and the first field in error takes the focus (scrolled into
 * view), so a keyboard or screen reader user lands where the answer is needed. A refusal from the server keeps its own
 * message: there are no fields in error then.
 */
const GENERIC_NOTICES = ['An error happened while submitting the task form', 'The process could not be started.'];
const FIELD_IN_ERROR = '.fjs-form-field';

/** The labels of the form's fields in error, each once, in the order they appear. */
function fieldsInError() {
  const found = [];
  document.querySelectorAll(FIELD_IN_ERROR).forEach((field) => {
    const error = field.querySelector(':scope > .fjs-form-field-error, :scope .fjs-form-field-error');
    if (!error || error.textContent.trim() === '' || field.querySelector(FIELD_IN_ERROR)) {
      return; // no error shown, or a group: its own fields are looked at instead
    }
    const label = field.querySelector('.fjs-form-field-label');
    const text = label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
    if (text && !found.some((entry) => entry.text === text)) {
      found.push({ text, field });
    }
  });
  return found;
}

function firstInput(field) {
  return field.querySelector('input:not([type=hidden]):not([disabled]), textarea, select, [tabindex]');
}

/** Rewrites the generic notices; true when one is left that the fields in error could not explain yet. */
function explain() {
  const notices = Array.from(document.querySelectorAll('.notifications .alert-danger')).filter((notice) => {
    const status = notice.querySelector('.status');
    return status && !notice.swExplained && GENERIC_NOTICES.indexOf(status.textContent.trim()) >= 0;
  });
  if (notices.length === 0) {
    return false;
  }
  const missing = fieldsInError();
  if (missing.length === 0) {
    return true;
  }
  notices.forEach((notice) => {
    notice.swExplained = true;
    notice.querySelector('.status').textContent = 'Please answer: ' + missing.map((entry) => entry.text).join(', ') + '.';
    notice.querySelectorAll('.message, .status + strong').forEach((rest) => {
      rest.textContent = '';
    });
  });
  const input = firstInput(missing[0].field);
  if (input) {
    input.scrollIntoView({ block: 'center' });
    // Focusing a select opens its list: the person sees the answers at once.
    input.focus({ preventScroll: true });
  }
  return false;
}

// Tasklist adds its notice after form-js has redrawn the fields in error; look again shortly in case it has not yet.
new MutationObserver(() => {
  if (explain()) {
    window.setTimeout(explain, 200);
  }
}).observe(document.body, { childList: true, subtree: true });

export default [];
