/*
 * Safeguarding Workflows - Tasklist custom script.
 *
 * Why: Tasklist 7.24 bundles form-js 1.8.7. When a field inside a dynamic list changes, form-js records its result
 * under the field's id and the row's index even when the field is valid (it deletes the row's entry, not the field's
 * key, which stays, empty), and Tasklist's form-js handler counts keys ("changed": invalid = keys(errors).length > 0):
 * the Complete button stays disabled for good on every form with a list (services, contingency triggers, outcomes).
 * form-js itself validates correctly when the form is submitted. Neither the forms (a list's fields must be keyed
 * inside it) nor form-js (bundled inside Tasklist's deps.js, out of a script's reach) can be changed from here.
 *
 * What: whenever Tasklist holds a Camunda Form invalid that shows no field in error, tell Tasklist the form is valid,
 * through the task form controller's own notifyFormValidated (what Tasklist's form handlers call), not by writing
 * its scope. A form that really is invalid still cannot be completed: form-js refuses the submission and marks each
 * field in error, and the server checks every rule again (tasks/FormRulesOnServer).
 *
 * Loud on upgrade: this leans on Tasklist's AngularJS task form (its controller and its $invalid flag). If either is
 * missing, the script writes an error to the browser console, once per page, instead of silently doing nothing; the
 * browser tests that complete a form with a list (StepDownInTasklistTest) fail on that error and on a Complete button
 * that stays disabled.
 */
const FIELD_IN_ERROR = '.fjs-form-field.fjs-has-errors';
const COMPLETE_BUTTON = "button[ng-click='complete()']";
const TASK_FORM = 'camTasklistForm';

let reported = false;

function reportTasklistChanged(what) {
  if (!reported) {
    reported = true;
    console.error('Safeguarding Workflows, complete-forms-with-lists.js: ' + what + '. Tasklist has changed: a form '
      + 'with a list may not be completed until this script is reviewed against the new Tasklist.');
  }
}

function releaseCompleteButton() {
  const button = document.querySelector(COMPLETE_BUTTON);
  // A Camunda Form is on the page: Tasklist's form-js handler has linked and validated it once.
  if (!button || !document.querySelector('.fjs-form')) {
    return;
  }
  const angular = window.angular;
  if (!angular || typeof angular.element !== 'function') {
    reportTasklistChanged('AngularJS is not on the page');
    return;
  }
  const element = angular.element(button);
  const taskForm = element.controller(TASK_FORM);
  const scope = element.scope();
  if (!taskForm || typeof taskForm.notifyFormValidated !== 'function') {
    reportTasklistChanged('the Complete button is not inside a task form controller with notifyFormValidated');
    return;
  }
  if (!scope || typeof scope.$invalid !== 'boolean') {
    reportTasklistChanged('the task form no longer keeps its $invalid flag');
    return;
  }
  if (scope.$invalid && !document.querySelector(FIELD_IN_ERROR)) {
    taskForm.notifyFormValidated(false);
  }
}

new MutationObserver(releaseCompleteButton).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['disabled', 'class']
});

export default [];
