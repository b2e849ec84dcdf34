import type { LocalText } from '../playbook/schema';
import type { PlaycardDb, RepInput } from './database';

/**
 * One account's input from two keys (a record first saved under its CRM id, then found under
 * its domain, which already had input from an email). Nothing the rep did is dropped:
 * - answers: per criterion, the one from the input changed more recently (answers carry no
 *   time of their own, the input's `updatedAt` is the best we know);
 * - ticks: a union; for a tactic in both, the state set later (`at`) wins, untick included;
 * - persona choice: the one made later.
 */
export function mergeRepInputs(key: string, a: RepInput, b: RepInput): RepInput {
  const [older, newer] = a.updatedAt <= b.updatedAt ? [a, b] : [b, a];
  const checks: RepInput['checks'] = { ...older.checks };
  for (const [tactic, check] of Object.entries(newer.checks)) {
    const other = checks[tactic];
    if (!other || check.at >= other.at) checks[tactic] = check;
  }
  const persona =
    older.persona && newer.persona ? (newer.persona.at >= older.persona.at ? newer.persona : older.persona) : (newer.persona ?? older.persona);
  return {
    key,
    answers: { ...older.answers, ...newer.answers },
    ...(persona ? { persona } : {}),
    checks,
    updatedAt: newer.updatedAt,
  };
}

/**
 * Re-scores the account for the book after the rep's input changed. The scoring code (and the
 * persona classifier behind it) loads on the first answer, not with the panel.
 */
async function rescoreAfterInput(db: PlaycardDb, key: string, now: number): Promise<void> {
  const { rescore } = await import('./book');
  await rescore(db, [key], { kind: 'answer' }, now);
}

function emptyInput(key: string, now: number): RepInput {
  return { key, answers: {}, checks: {}, updatedAt: now };
}

async function updateInput(db: PlaycardDb, key: string, change: (input: RepInput) => void, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.inputs, async () => {
    const input = (await db.inputs.get(key)) ?? emptyInput(key, now);
    change(input);
    input.updatedAt = now;
    await db.inputs.put(input);
  });
}

/** `optionId` undefined clears the answer. An answer that moves the segment enters the account's history. */
export async function setAnswer(db: PlaycardDb, key: string, criterionId: string, optionId: string | undefined, now = Date.now()) {
  await updateInput(
    db,
    key,
    (input) => {
      if (optionId === undefined) delete input.answers[criterionId];
      else input.answers[criterionId] = optionId;
    },
    now,
  );
  await rescoreAfterInput(db, key, now);
}

/** `choice` undefined goes back to the suggestion. A persona that changes enters the account's history. */
export async function setPersona(db: PlaycardDb, key: string, choice: { primary: string; secondary?: string } | undefined, now = Date.now()) {
  await updateInput(
    db,
    key,
    (input) => {
      if (choice) input.persona = { ...choice, at: now };
      else delete input.persona;
    },
    now,
  );
  await rescoreAfterInput(db, key, now);
}

export function setCheck(db: PlaycardDb, key: string, tacticId: string, done: boolean, now = Date.now(), text?: LocalText) {
  return updateInput(db, key, (input) => void (input.checks[tacticId] = text ? { done, at: now, text } : { done, at: now }), now);
}
