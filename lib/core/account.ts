import type { PageSnapshot, Person } from '../snapshot';

/**
 * One account across every site: a HubSpot record and a Gmail thread from the
 * same company domain share a checklist. Without a domain, the site's own
 * record id keeps records apart; a bare name is the last resort.
 */
export function accountKeyOf(snapshot: Pick<PageSnapshot, 'site' | 'recordId' | 'company'>): string | undefined {
  const { domain, name } = snapshot.company;
  if (domain) return `domain:${domain}`;
  if (snapshot.recordId) return `${snapshot.site}:${snapshot.recordId}`;
  if (name) return `name:${name.toLocaleLowerCase().replace(/\s+/g, ' ').trim()}`;
  return undefined;
}

/**
 * What we know of an account after a new read: the newest page wins field by
 * field, but a page that lacks a fact (an email has no employee count) does not
 * erase what a CRM page said before.
 */
export function mergeSnapshots(previous: PageSnapshot | undefined, next: PageSnapshot): PageSnapshot {
  if (!previous) return next;
  const company = { ...previous.company };
  for (const [field, value] of Object.entries(next.company)) {
    if (value !== undefined) (company as Record<string, unknown>)[field] = value;
  }
  const people = mergePeople(next.people, previous.people);
  return {
    ...next,
    company,
    deals: next.deals ?? previous.deals,
    people,
    text: next.text ?? previous.text,
  };
}

function mergePeople(first: Person[], second: Person[]): Person[] {
  const seen = new Set<string>();
  const merged: Person[] = [];
  for (const person of [...first, ...second]) {
    const id = (person.email ?? person.name ?? '').toLowerCase();
    if (!id || seen.has(id)) continue;
    seen.add(id);
    merged.push(person);
  }
  return merged.slice(0, 50);
}
