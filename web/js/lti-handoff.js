// @ts-check
// Posts the signed LTI message on this page to the LMS at once (LTI requires a form POST from the browser);
// the button stays for a browser that blocks it.
const form = /** @type {HTMLFormElement | null} */ (document.getElementById('lti-handoff'));
if (form) form.submit();
