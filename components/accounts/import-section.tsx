import { useEffect, useMemo, useState } from 'preact/hooks';
import { guessMapping, parseCsv, type ParsedCsv, type RowProblem } from '../../lib/accounts/csv-import';
import { createRowCache } from '../../lib/accounts/row-cache';
import type { CrmId, ImportField } from '../../lib/accounts/types';
import { importAccounts, rememberedMapping, rememberMapping, type ImportCounts, type PlaycardDb } from '../../lib/db';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { clearStorageProblem, noteStorageError } from '../../lib/storage-problem';

const FIELDS: Exclude<ImportField, `answer:${string}`>[] = [
  'ignore', 'recordId', 'name', 'website', 'industry', 'employees', 'annualRevenue', 'currency', 'country', 'city', 'type', 'owner', 'openDeals', 'openAmount', 'wonDeals', 'wonAmount',
];
/** Problems listed on the page; the count says how many there were. */
const PROBLEMS_SHOWN = 200;

type Step =
  | { kind: 'idle' }
  | { kind: 'mapping'; parsed: ParsedCsv; crm?: CrmId; columns: Record<string, ImportField>; remembered: boolean }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; counts: ImportCounts; problems: RowProblem[] }
  | { kind: 'failed'; detail: string };

/** After the next frame is painted; at most 100 ms in a tab the browser does not paint (hidden). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export function problemText(problem: RowProblem): string {
  const reason = t(`accounts.problem.${problem.code}`, { column: problem.column ?? '', value: problem.value ?? '' });
  return t('accounts.import.row', { row: problem.row, reason });
}

/** Choose a CSV, check the column mapping (pre-filled, remembered per layout), import with a progress bar. */
export function ImportSection({ db, playbook, onStart, onEnd }: { db: PlaycardDb; playbook: Playbook; onStart: () => void; onEnd: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const rowsOf = useMemo(() => createRowCache(), []);
  // What the rows give under the mapping on screen, read once the mapping is painted.
  const [preview, setPreview] = useState<{ of: Step; accounts: number; problems: number } | undefined>();

  useEffect(() => {
    if (step.kind !== 'mapping') return;
    let current = true;
    void nextPaint().then(() => {
      if (!current) return;
      const { accounts, problems } = rowsOf(step.parsed, step.columns, { crm: step.crm, playbook });
      setPreview({ of: step, accounts: accounts.length, problems: problems.length });
    });
    return () => {
      current = false;
    };
  }, [step, playbook, rowsOf]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseCsv(await file.text());
      const remembered = await rememberedMapping(db, parsed.headers);
      const guess = remembered ?? guessMapping(parsed.headers, playbook);
      setStep({ kind: 'mapping', parsed, ...(guess.crm ? { crm: guess.crm } : {}), columns: guess.columns, remembered: Boolean(remembered) });
    } catch (error) {
      setStep({ kind: 'failed', detail: String(error) });
    }
  };

  const run = async (mapping: Extract<Step, { kind: 'mapping' }>) => {
    // The progress bar is on screen before the rows are read: reading 10,000 rows holds the page
    // for a moment, which looked like a click that did nothing.
    setStep({ kind: 'importing', done: 0, total: mapping.parsed.rows.length });
    onStart();
    try {
      await nextPaint();
      // Read while the rep checked the mapping (rowsOf remembers it), unless the mapping just changed.
      const { accounts, problems } = rowsOf(mapping.parsed, mapping.columns, { crm: mapping.crm, playbook });
      // The mapping is remembered alongside (its write is a transaction of its own, not a step before the import).
      const [counts] = await Promise.all([
        importAccounts(db, accounts, ({ done, total }) => setStep({ kind: 'importing', done, total })),
        rememberMapping(db, mapping.parsed.headers, { ...(mapping.crm ? { crm: mapping.crm } : {}), columns: mapping.columns }),
      ]);
      clearStorageProblem();
      setStep({ kind: 'done', counts, problems });
    } catch (error) {
      // The database refused it (a full disk): nothing was imported; the storage notice says why in
      // the rep's language, and the mapping stays on screen to import again once space is freed.
      if (noteStorageError(error) !== 'failed') setStep(mapping);
      else setStep({ kind: 'failed', detail: String(error) });
    } finally {
      onEnd();
    }
  };

  const fieldLabel = (field: ImportField) =>
    field.startsWith('answer:')
      ? t('accounts.field.answer', { criterion: text(playbook.segmentation.criteria.find((c) => `answer:${c.id}` === field)?.label, playbook) })
      : t(`accounts.field.${field as (typeof FIELDS)[number]}`);
  const choices: ImportField[] = [...FIELDS, ...playbook.segmentation.criteria.map((c) => `answer:${c.id}` as const)];

  return (
    <section class="card import" aria-labelledby="import-title">
      <h2 id="import-title">{t('accounts.import.title')}</h2>
      <p class="muted small">{t('accounts.import.help')}</p>
      <label class="file">
        {t('accounts.import.choose')}{' '}
        <input type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void choose(e.currentTarget.files?.[0])} disabled={step.kind === 'importing'} />
      </label>
      {step.kind === 'mapping' ? (
        <div class="mapping">
          <p>
            {step.remembered
              ? t('accounts.import.remembered')
              : step.crm
                ? t('accounts.import.detected', { crm: t(`accounts.crm.${step.crm}`) })
                : t('accounts.import.unknown')}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('accounts.import.column')}</th>
                <th class="sample">{t('accounts.import.sample')}</th>
                <th>{t('accounts.import.fills')}</th>
              </tr>
            </thead>
            <tbody>
              {step.parsed.headers.map((header, index) => (
                <tr key={index}>
                  <td title={header}>{header}</td>
                  <td class="muted sample">{step.parsed.rows[0]?.[index] ?? ''}</td>
                  <td>
                    <select
                      aria-label={header}
                      value={step.columns[String(index)] ?? 'ignore'}
                      onChange={(e) => setStep({ ...step, columns: { ...step.columns, [String(index)]: e.currentTarget.value as ImportField } })}
                    >
                      {choices.map((field) => (
                        <option key={field} value={field}>
                          {fieldLabel(field)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview?.of === step ? (
            <p data-testid="import-preview">{t('accounts.import.preview', { accounts: preview.accounts, problems: preview.problems })}</p>
          ) : null}
          <div class="row">
            <button type="button" onClick={() => void run(step)} data-testid="import-start">
              {t('accounts.import.start', { n: step.parsed.rows.length })}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('accounts.import.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'importing' ? (
        <div class="progress" role="status">
          <progress value={step.done} max={Math.max(1, step.total)} data-testid="import-progress" />
          <span>{t('accounts.import.progress', { done: step.done, total: step.total })}</span>
        </div>
      ) : null}
      {step.kind === 'done' ? (
        <div role="status" data-testid="import-result">
          <p class="ok">{t('accounts.import.done', { ...step.counts })}</p>
          {step.problems.length ? (
            <>
              <p>{t('accounts.import.problems', { n: step.problems.length })}</p>
              <ul class="problems" data-testid="import-problems">
                {step.problems.slice(0, PROBLEMS_SHOWN).map((problem) => (
                  <li key={problem.row}>{problemText(problem)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {step.kind === 'failed' ? (
        <p class="error" role="alert">
          {t('accounts.import.failed', { detail: step.detail })}
        </p>
      ) : null}
    </section>
  );
}
