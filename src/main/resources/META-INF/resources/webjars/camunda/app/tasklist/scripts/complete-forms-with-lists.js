/*
 * Safeguarding Workflows - Tasklist custom script.
 *
 * Why: Tasklist 7.24 bundles form-js 1.8.7. After every change form-js reports an error entry for each field inside
 * a dynamic list, even when the field is valid (an empty list of errors), and Tasklist treats any entry as "the
 * form is invalid": the Complete button stays disabled for good on every form with a list (services, contingency
 * triggers, outcomes). form-js itself validates correctly when the form is submitted.
 *
 * What: whenever Tasklist disables Complete for a Camunda Form that shows no field error, enable it again. A form
 * that really is invalid still cannot be completed: form-js refuses the submission and marks each field in error,
 * and the server checks every rule again (tasks/FormRulesOnServer).
 */
const FIELD_IN_ERROR = '.fjs-form-field.fjs-has-errors';

function releaseCompleteButton() {
  const angular = window.angular;
  const button = document.querySelector("button[ng-click='complete()']");
  if (!angular || !button || !document.querySelector('.fjs-form')) {
    return;
  }
  // The flag lives on the form controller's scope; the button sees it through scope inheritance.
  let scope = angular.element(button).scope();
  while (scope && !Object.prototype.hasOwnProperty.call(scope, '$invalid')) {
    scope = scope.$parent;
  }
  if (scope && scope.$invalid && !document.querySelector(FIELD_IN_ERROR)) {
    scope.$invalid = false;
    scope.$applyAsync();
  }
}

new MutationObserver(releaseCompleteButton).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['disabled', 'class']
});

export default [];
