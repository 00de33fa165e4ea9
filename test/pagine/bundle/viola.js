// Breaks the policy on purpose (?viola): proves the CSP page enforces it and the sentinel sees violations.
try {
  new Function('return 1')();
} catch {}
try {
  document.createElement('div').innerHTML = '<b>non fidato</b>';
} catch {}
try {
  trustedTypes.createPolicy('un-altra', { createHTML: (s) => s });
} catch {}
