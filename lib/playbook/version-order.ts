// Which of two playbook versions is newer. Versions are free text ("2026.11-2", "v10",
// "3.1.0"), so they are compared the way people read them: digit runs as numbers, the rest
// as text. Intl.Collator's `numeric` option does exactly that and ships with every engine.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Negative when `a` is older than `b`, 0 when they read the same, positive when newer. */
export function compareVersions(a: string, b: string): number {
  return collator.compare(a, b);
}
