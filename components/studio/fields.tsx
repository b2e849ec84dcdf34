import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { getAt, moveAt, pathKey, removeAt, setAt, type Json, type Path } from '../../lib/studio/draft';
import { errorsAt } from '../../lib/studio/validate';
import type { StudioState } from '../../lib/studio/state';

export interface FieldProps {
  s: StudioState;
  path: Path;
  label: string;
  testid?: string;
}

let fieldCount = 0;
const useFieldId = () => useState(() => `f${++fieldCount}`)[0];

/** The schema's messages for this field, next to it. */
export function FieldErrors({ s, path, exact = false }: { s: StudioState; path: Path; exact?: boolean }) {
  const errors = errorsAt(s.check.value?.errors ?? [], pathKey(path), exact);
  if (!errors.length) return null;
  return (
    <ul class="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e.path + e.message} class="error small" data-path={e.path}>
          {e.path !== pathKey(path) ? `${e.path.slice(pathKey(path).length).replace(/^\./, '')}: ` : ''}
          {e.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Text typed into a field is kept locally while the lead types (so a half-typed number or an
 * empty line does not jump about) and committed to the draft on each input; a change from
 * elsewhere (undo, the JSON view) replaces it.
 */
function useLocal(committed: string): [string, (next: string) => void] {
  const [local, setLocal] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    setLocal(committed);
  }
  return [local, setLocal];
}

export function TextField({ s, path, label, testid, multiline = false }: FieldProps & { multiline?: boolean }) {
  const id = useFieldId();
  const value = getAt(s.doc.value, path);
  const [local, setLocal] = useLocal(typeof value === 'string' ? value : '');
  const commit = (text: string) => {
    setLocal(text);
    s.edit((doc) => setAt(doc, path, text === '' ? undefined : text), pathKey(path));
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={2} value={local} data-testid={testid} onInput={(e) => commit(e.currentTarget.value)} />
      ) : (
        <input id={id} type="text" value={local} data-testid={testid} onInput={(e) => commit(e.currentTarget.value)} />
      )}
      <FieldErrors s={s} path={path} />
    </div>
  );
}

/** A localised text in the editing language; the other languages it has are named below it. */
export function LocalTextField({ s, path, label, testid, multiline = false }: FieldProps & { multiline?: boolean }) {
  const language = editingLanguage.value;
  const text = getAt(s.doc.value, path);
  const others = text !== null && typeof text === 'object' && !Array.isArray(text) ? Object.keys(text).filter((l) => l !== language) : [];
  return (
    <div class="local">
      <TextField s={s} path={[...path, language]} label={`${label} (${language})`} testid={testid} multiline={multiline} />
      {others.length > 0 && <p class="muted small">{t('studio.field.otherLanguages', { languages: others.join(', ') })}</p>}
      <FieldErrors s={s} path={path} exact />
    </div>
  );
}

/** Phrases per language, one per line, in the editing language. */
export function PhrasesField({ s, path, label, testid }: FieldProps) {
  const id = useFieldId();
  const language = editingLanguage.value;
  const at = [...path, language];
  const value = getAt(s.doc.value, at);
  const committed = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join('\n') : '';
  const [local, setLocal] = useLocal(committed);
  const commit = (text: string) => {
    setLocal(text);
    const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
    s.edit((doc) => setAt(doc, at, lines.length ? lines : undefined), pathKey(at));
  };
  return (
    <div class="field">
      <label for={id}>{`${label} (${language})`}</label>
      <textarea id={id} rows={4} value={local} data-testid={testid} onInput={(e) => commit(e.currentTarget.value)} />
      <p class="muted small">{t('studio.field.onePerLine')}</p>
      <FieldErrors s={s} path={path} />
    </div>
  );
}

/** A list of texts at `path`, one per line; `write` stores the lines (the caller decides how they are cleaned). */
export function LinesField({
  s,
  path,
  label,
  testid,
  help,
  write,
}: FieldProps & { help: string; write: (doc: Json, text: string) => Json }) {
  const id = useFieldId();
  const helpId = `${id}-help`;
  const value = getAt(s.doc.value, path);
  const committed = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join('\n') : '';
  const [local, setLocal] = useLocal(committed);
  const commit = (text: string) => {
    setLocal(text);
    s.edit((doc) => write(doc, text), pathKey(path));
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={2} value={local} data-testid={testid} aria-describedby={helpId} onInput={(e) => commit(e.currentTarget.value)} />
      <p id={helpId} class="muted small">
        {help}
      </p>
      <FieldErrors s={s} path={path} />
    </div>
  );
}

export function NumberField({
  s,
  path,
  label,
  testid,
  step = 1,
  write = (doc, number) => setAt(doc, path, number),
}: FieldProps & { step?: number; write?: (doc: Json, number: number | undefined) => Json }) {
  const id = useFieldId();
  const value = getAt(s.doc.value, path);
  const [local, setLocal] = useLocal(typeof value === 'number' ? String(value) : '');
  const commit = (text: string) => {
    setLocal(text);
    const number = text.trim() === '' ? undefined : Number(text);
    if (number !== undefined && !Number.isFinite(number)) return;
    s.edit((doc) => write(doc, number), pathKey(path));
  };
  return (
    <div class="field narrow">
      <label for={id}>{label}</label>
      <input id={id} type="number" step={step} value={local} data-testid={testid} onInput={(e) => commit(e.currentTarget.value)} />
      <FieldErrors s={s} path={path} />
    </div>
  );
}

export function SelectField({
  s,
  path,
  label,
  testid,
  choices,
  optional = false,
  write = (doc, value) => setAt(doc, path, value),
}: FieldProps & { choices: { value: string; label: string }[]; optional?: boolean; write?: (doc: Json, value: string | undefined) => Json }) {
  const id = useFieldId();
  const value = getAt(s.doc.value, path);
  const current = typeof value === 'string' ? value : '';
  return (
    <div class="field narrow">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={current}
        data-testid={testid}
        onChange={(e) => {
          const next = e.currentTarget.value;
          s.edit((doc) => write(doc, next === '' ? undefined : next));
        }}
      >
        {(optional || !choices.some((c) => c.value === current)) && <option value="">{optional ? t('studio.field.none') : ''}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldErrors s={s} path={path} />
    </div>
  );
}

export function CheckField({ s, path, label, fallback }: FieldProps & { fallback: boolean }) {
  const value = getAt(s.doc.value, path);
  return (
    <label class="check">
      <input type="checkbox" checked={typeof value === 'boolean' ? value : fallback} onChange={(e) => s.edit((doc) => setAt(doc, path, e.currentTarget.checked))} />
      {label}
    </label>
  );
}

/** Up, down and remove for one item of a list. Ids move with their items. */
export function ItemTools({ s, list, index, count, name }: { s: StudioState; list: Path; index: number; count: number; name: string }) {
  return (
    <span class="tools">
      <button type="button" disabled={index === 0} aria-label={t('studio.item.up', { name })} onClick={() => s.edit((doc) => moveAt(doc, list, index, index - 1))}>
        ↑
      </button>
      <button type="button" disabled={index === count - 1} aria-label={t('studio.item.down', { name })} onClick={() => s.edit((doc) => moveAt(doc, list, index, index + 1))}>
        ↓
      </button>
      <button type="button" aria-label={t('studio.item.remove', { name })} onClick={() => s.edit((doc) => removeAt(doc, list, index))}>
        ✕
      </button>
    </span>
  );
}

/**
 * One item of a list, folded: its title, id and tools always; its form only when opened, so
 * the whole built-in playbook opens fast.
 */
export function Item({
  s,
  list,
  index,
  count,
  title,
  id,
  testid,
  children,
}: {
  s: StudioState;
  list: Path;
  index: number;
  count: number;
  title: string;
  id?: string;
  testid?: string;
  children: () => ComponentChildren;
}) {
  const key = `${pathKey(list)}#${id ?? index}`;
  const open = openItems.value.has(key);
  const errors = errorsAt(s.check.value?.errors ?? [], pathKey([...list, index])).length;
  return (
    <li class="item" data-testid={testid}>
      <div class="item-head">
        <button
          type="button"
          class="link item-title"
          aria-expanded={open}
          onClick={() => {
            const next = new Set(openItems.value);
            if (open) next.delete(key);
            else next.add(key);
            openItems.value = next;
          }}
        >
          {title || t('studio.item.untitled')}
        </button>
        {id && <code class="muted small">{id}</code>}
        {errors > 0 && <span class="error small">{t('studio.item.errors', { n: errors })}</span>}
        <ItemTools s={s} list={list} index={index} count={count} name={title || String(index + 1)} />
      </div>
      {open && <div class="item-body">{children()}</div>}
    </li>
  );
}

export function AddButton({ label, onAdd, testid }: { label: string; onAdd: () => void; testid?: string }) {
  return (
    <button type="button" class="add" data-testid={testid} onClick={onAdd}>
      + {label}
    </button>
  );
}


/** The language the lead is editing texts in. */
export const editingLanguage = signal('en');
/** Which items are unfolded, by list and id (so an item stays open when it moves). */
export const openItems = signal<ReadonlySet<string>>(new Set());

export const idOf = (value: Json | undefined): string => {
  const id = getAt(value ?? null, ['id']);
  return typeof id === 'string' ? id : '';
};
