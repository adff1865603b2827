/*
 * Safeguarding Workflows - Tasklist custom script.
 *
 * Why: a Camunda Forms date field (form-js's date picker, flatpickr) reads what a person types leniently and silently:
 * typed 31/02/2026 became 03/03/2026 and 2026-03-15 became 20/06/2026. A date in a child's record must be the date
 * the person meant, or none. The server refuses a date that is not a real date (tasks/FormRulesOnServer), but it
 * never sees these: the browser has already turned them into other, real dates.
 *
 * What: every date field of a form reads typed text strictly as dd/mm/yyyy. Anything else is refused where it is
 * typed: the field is emptied (its value too, never another date) and a message under it says what was wrong, until
 * a real date is written or picked. A required field then cannot be completed empty (DatesAsWrittenTest).
 */
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The date a dd/mm/yyyy text names, or undefined when it names none (31/02/2026, 2026-03-15, 15.03.2026). */
function strictDate(text) {
  const match = UK_DATE.exec(String(text).trim());
  if (!match) {
    return undefined;
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** What each date field refused, until a date is written: form-js redraws its fields, so notes are put back. */
const refusals = new Map();

function showRefusal(input, typed) {
  if (typed === null) {
    refusals.delete(input);
  } else {
    refusals.set(input, typed);
  }
  drawRefusal(input);
}

function drawRefusal(input) {
  const field = input.closest('.fjs-form-field') || input.parentElement;
  let note = document.getElementById(input.id + '-refused');
  const typed = refusals.get(input);
  if (typed === undefined) {
    if (note) {
      note.remove();
    }
    input.removeAttribute('aria-invalid');
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'sw-date-refused fjs-form-field-error';
    note.id = input.id + '-refused';
    note.setAttribute('role', 'alert');
    field.appendChild(note);
  }
  const text = '"' + typed + '" is not a date written as dd/mm/yyyy, for example 15/03/2026. Write the date again.';
  if (note.textContent !== text) {
    note.textContent = text;
  }
  if (input.getAttribute('aria-invalid') !== 'true') {
    input.setAttribute('aria-invalid', 'true');
  }
  const describedBy = input.getAttribute('aria-describedby') || '';
  if (describedBy.split(' ').indexOf(note.id) < 0) {
    input.setAttribute('aria-describedby', (describedBy + ' ' + note.id).trim());
  }
}

function readStrictly(input) {
  const picker = input._flatpickr;
  if (!picker || picker.swReadsStrictly) {
    return;
  }
  picker.swReadsStrictly = true;
  // flatpickr asks this for every typed date; undefined means "no date", so nothing is made up.
  picker.config.parseDate = (value) => (value instanceof Date ? value : strictDate(value));
}

/** The text last typed into each date field: flatpickr may empty the field before it is left (Tab, a click). */
const typedText = new WeakMap();

function isStrictDateField(target) {
  return target instanceof HTMLInputElement && target._flatpickr && target._flatpickr.swReadsStrictly;
}

/**
 * When a date field is left (focusout, Tab, Enter), once flatpickr has had its turn (finding no date in the text, it
 * empties the field and tells form-js, so the form's value is emptied too, never kept from before): a refused text is
 * named under the field; a real date, typed or picked, clears the message.
 */
function checkWhenLeft(event) {
  const input = event.target;
  if (!isStrictDateField(input) || (event.type === 'keydown' && event.key !== 'Enter' && event.key !== 'Tab')) {
    return;
  }
  window.setTimeout(() => {
    const typed = (typedText.get(input) || '').trim();
    if (typed === '' || strictDate(typed) || input.value.trim() !== '' && strictDate(input.value)) {
      typedText.delete(input);
      showRefusal(input, null);
      return;
    }
    showRefusal(input, typed);
  }, 0);
}

document.addEventListener('input', (event) => {
  // Only what a person typed: flatpickr sends input events of its own when it empties the field.
  if (event.isTrusted && isStrictDateField(event.target)) {
    typedText.set(event.target, event.target.value);
  }
}, true);
document.addEventListener('focusout', checkWhenLeft, true);
document.addEventListener('keydown', checkWhenLeft, true);

new MutationObserver(() => {
  document.querySelectorAll('.fjs-container input.flatpickr-input').forEach(readStrictly);
  refusals.forEach((typed, input) => (input.isConnected ? drawRefusal(input) : refusals.delete(input)));
}).observe(document.documentElement, { childList: true, subtree: true });
