/**
 * Hosts the content script reads out of the box; the manifest's host
 * permissions are exactly these. Any other CRM host is granted by the user.
 */
export const KNOWN_SITE_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://mail.google.com/*',
];
