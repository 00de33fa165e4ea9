// Breaks the policy on purpose (?viola): proves the CSP page enforces it and the sentinel sees violations.
try {
  new Function('return 1')();
} catch {
  // blocked, as it must be: the violation report is what the test reads
}
try {
  document.createElement('div').innerHTML = '<b>non fidato</b>';
} catch {
  // blocked by Trusted Types
}
try {
  trustedTypes.createPolicy('un-altra', { createHTML: (s) => s });
} catch {
  // refused by the trusted-types directive
}
