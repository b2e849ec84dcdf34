import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { JSON_SCHEMA_FILE, playbookJsonSchema, playbookJsonSchemaText } from '../../lib/playbook/json-schema';

const checkedIn = readFileSync(fileURLToPath(new URL(`../../${JSON_SCHEMA_FILE}`, import.meta.url)), 'utf8');

describe('playbook.schema.json', () => {
  test('the checked-in file equals a fresh generation (npm run playbook -- schema rewrites it)', () => {
    expect(checkedIn).toBe(playbookJsonSchemaText());
  });

  test('draft 7, input mode: fields with defaults are optional', () => {
    const schema = playbookJsonSchema() as any;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['schemaVersion', 'id', 'version', 'name', 'segmentation', 'personas']);
    expect(schema.properties.$schema).toEqual({ type: 'string' });
    expect(schema.definitions.Persona.required).toEqual(['id', 'label', 'summary']);
    expect(schema.definitions.Criterion.required).toEqual(['id', 'label', 'options']);
    expect(schema.definitions.LocalText.minProperties).toBe(1);
    expect(schema.definitions.Tactic.properties.when.enum).toEqual(['before', 'during', 'after']);
  });
});
