// Policy files that push a team playbook to every rep, filled in for this playbook: the
// values of public/managed-schema.json (playbookUrl, publicKey, pollMinutes, lockSource) in
// each platform's format. Pure text generation; the page downloads them.

export interface PolicyValues {
  playbookUrl: string;
  /** Base64 SPKI; empty when the playbook is not signed. */
  publicKey: string;
  pollMinutes: number;
  lockSource: boolean;
  /** The extension's id in Chrome and Edge (32 letters a-p). */
  chromeId: string;
  /** The extension's id in Firefox. */
  firefoxId: string;
}

export const FIREFOX_ID = 'playcard@playcard.app';

function values(v: PolicyValues): [string, string | number | boolean][] {
  const out: [string, string | number | boolean][] = [['playbookUrl', v.playbookUrl]];
  if (v.publicKey) out.push(['publicKey', v.publicKey]);
  out.push(['pollMinutes', v.pollMinutes], ['lockSource', v.lockSource]);
  return out;
}

function asObject(v: PolicyValues): Record<string, string | number | boolean> {
  return Object.fromEntries(values(v));
}

const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const dword = (n: number) => `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;

/** Windows: one .reg file for Chrome and Edge (both read 3rdparty extension policy from the registry). */
export function windowsReg(v: PolicyValues): string {
  const block = (browserKey: string) =>
    [
      `[HKEY_LOCAL_MACHINE\\Software\\Policies\\${browserKey}\\3rdparty\\extensions\\${v.chromeId}\\policy]`,
      ...values(v).map(([key, value]) =>
        `"${key}"=${typeof value === 'string' ? regString(value) : dword(typeof value === 'boolean' ? Number(value) : value)}`,
      ),
    ].join('\r\n');
  return ['Windows Registry Editor Version 5.00', '', block('Google\\Chrome'), '', block('Microsoft\\Edge'), ''].join('\r\n');
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function plistValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '<true/>' : '<false/>';
  if (typeof value === 'number') return `<integer>${Math.trunc(value)}</integer>`;
  return `<string>${xml(value)}</string>`;
}

function plistDict(entries: [string, string | number | boolean][], indent: string): string {
  return entries.map(([key, value]) => `${indent}<key>${xml(key)}</key>\n${indent}${plistValue(value)}`).join('\n');
}

const PLIST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';

/** macOS: the plain preferences plist for `com.google.Chrome.extensions.<id>` (for MDMs that take a plist per domain). */
export function macPlist(v: PolicyValues): string {
  return `${PLIST_HEAD}<dict>\n${plistDict(values(v), '  ')}\n</dict>\n</plist>\n`;
}

/**
 * macOS: a configuration profile with a managed-preferences payload for Chrome's extension
 * domain (and Edge's). `uuid` gives the payload UUIDs (crypto.randomUUID in the page).
 */
export function macMobileconfig(v: PolicyValues, uuid: () => string): string {
  const domains = [`com.google.Chrome.extensions.${v.chromeId}`, `com.microsoft.Edge.extensions.${v.chromeId}`];
  const payloads = domains
    .map((domain) => {
      const id = uuid();
      return [
        '    <dict>',
        '      <key>PayloadType</key>',
        '      <string>com.apple.ManagedClient.preferences</string>',
        '      <key>PayloadVersion</key>',
        '      <integer>1</integer>',
        '      <key>PayloadIdentifier</key>',
        `      <string>app.playcard.policy.${xml(domain)}</string>`,
        '      <key>PayloadUUID</key>',
        `      <string>${id}</string>`,
        '      <key>PayloadEnabled</key>',
        '      <true/>',
        '      <key>PayloadContent</key>',
        '      <dict>',
        `        <key>${xml(domain)}</key>`,
        '        <dict>',
        '          <key>Forced</key>',
        '          <array>',
        '            <dict>',
        '              <key>mcx_preference_settings</key>',
        '              <dict>',
        plistDict(values(v), '                '),
        '              </dict>',
        '            </dict>',
        '          </array>',
        '        </dict>',
        '      </dict>',
        '    </dict>',
      ].join('\n');
    })
    .join('\n');
  return (
    `${PLIST_HEAD}<dict>\n` +
    '  <key>PayloadContent</key>\n  <array>\n' +
    `${payloads}\n` +
    '  </array>\n' +
    '  <key>PayloadDisplayName</key>\n  <string>Playcard team playbook</string>\n' +
    '  <key>PayloadIdentifier</key>\n  <string>app.playcard.policy</string>\n' +
    '  <key>PayloadType</key>\n  <string>Configuration</string>\n' +
    `  <key>PayloadUUID</key>\n  <string>${uuid()}</string>\n` +
    '  <key>PayloadVersion</key>\n  <integer>1</integer>\n' +
    '</dict>\n</plist>\n'
  );
}

/** Linux: a file for /etc/opt/chrome/policies/managed/ (Chromium: /etc/chromium/policies/managed/). */
export function linuxJson(v: PolicyValues): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [v.chromeId]: asObject(v) } } }, null, 2)}\n`;
}

/** Firefox: policies.json in the distribution folder (or /etc/firefox/policies/). */
export function firefoxPolicies(v: PolicyValues): string {
  return `${JSON.stringify({ policies: { '3rdparty': { Extensions: { [v.firefoxId]: asObject(v) } } } }, null, 2)}\n`;
}
