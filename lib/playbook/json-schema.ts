// The JSON Schema a lead's editor uses for completion and validation, generated from the zod
// schema so the two cannot drift (test/unit/playbook-json-schema.test.ts compares the checked-in
// lib/playbook/playbook.schema.json with a fresh generation; `npm run playbook -- schema` rewrites it).
import { z } from 'zod';
import {
  Condition,
  Criterion,
  CriterionOption,
  Id,
  LocalPhrases,
  LocalText,
  Persona,
  PersonaSignal,
  PlaybookSchema,
  Scenario,
  Segment,
  Tactic,
} from './schema';

type Meta = { id: string; description: string };

/** Names and hover help for the editor, kept here so schema.ts stays the single definition of the format. */
function editorMetadata() {
  const registry = z.registry<Meta>();
  const add = (schema: z.ZodType, meta: Meta) => registry.add(schema, meta);
  add(LocalText, { id: 'LocalText', description: 'Text per language, e.g. {"en": "...", "pl": "..."}; at least one language.' });
  add(LocalPhrases, { id: 'LocalPhrases', description: 'Words or phrases per language, e.g. {"en": ["...", "..."]}.' });
  add(Id, { id: 'Id', description: 'A stable lower-case id (letters, digits, "-" or "_"). Keep it when you edit the text: reps\' ticks and the update notice follow ids.' });
  add(Condition, { id: 'Condition', description: 'When a page fact satisfies this: min (inclusive) and max (exclusive) for numbers; equals or contains (case-insensitive) for text.' });
  add(CriterionOption, { id: 'CriterionOption', description: 'One answer to a criterion and the points it scores.' });
  add(Criterion, { id: 'Criterion', description: 'A scoring criterion: filled from a page fact or asked of the rep.' });
  add(Tactic, { id: 'Tactic', description: 'One checklist item: when (before, during, after the call) and what to do. Ids are unique across the whole playbook.' });
  add(Segment, { id: 'Segment', description: 'A segment from minPoints up to the next segment\'s minimum, with its service level and tactics.' });
  add(PersonaSignal, { id: 'PersonaSignal', description: 'Evidence for a persona: phrases (a trailing * matches any ending) or a page fact, weighted -5..5.' });
  add(Persona, { id: 'Persona', description: 'A buyer persona: who they are, how to recognise them, tactics and what to avoid.' });
  add(Scenario, { id: 'Scenario', description: 'A quiz scenario for onboarding. kind "persona" (the default): a buyer\'s words → persona (and secondary); "segment": an account\'s facts → segment, with the answers (criterion → option) that give it; "tactic": a situation → the right tactic among choices. Always with why.' });
  return registry;
}

/** Where the generated file lives, relative to the repository root. */
export const JSON_SCHEMA_FILE = 'lib/playbook/playbook.schema.json';

/**
 * Draft 7, which VS Code, JetBrains IDEs and yaml-language-server all validate fully. Input
 * mode: fields with defaults are optional. Refinements JSON Schema can express are added by
 * hand (one language at least, a condition with one key at least, a signal with patterns or a
 * fact); the cross-references (duplicate ids, matrix cells) only `npm run playbook -- check` sees.
 */
export function playbookJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlaybookSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    metadata: editorMetadata(),
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === LocalText) jsonSchema.minProperties = 1;
      if (zodSchema === Condition) jsonSchema.minProperties = 1;
      if (zodSchema === PersonaSignal) jsonSchema.anyOf = [{ required: ['patterns'] }, { required: ['fact'] }];
    },
  });
  return {
    $schema: generated.$schema,
    title: 'Playcard playbook',
    description: 'A team playbook for the Playcard extension: segments, scoring criteria, personas and tactics. Check a file with `npm run playbook -- check <file>`.',
    ...generated,
  };
}

/** The file's text: two-space JSON and a final newline. */
export function playbookJsonSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}
