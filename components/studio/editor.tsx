import { t } from '../../lib/i18n';
import { localise } from '../../lib/i18n';
import { FACT_KEYS, WHEN } from '../../lib/playbook/constants';
import { getAt, setAt, type Json, type Path } from '../../lib/studio/draft';
import { conditionLines, setCondition, setSignalFact } from '../../lib/studio/condition';
import { addItem, type ItemKind } from '../../lib/studio/items';
import { matrixGrid, setMatrixAxis, setMatrixCell } from '../../lib/studio/matrix';
import type { StudioState } from '../../lib/studio/state';
import {
  AddButton,
  CheckField,
  LinesField,
  editingLanguage,
  FieldErrors,
  idOf,
  Item,
  LocalTextField,
  NumberField,
  PhrasesField,
  SelectField,
  TextField,
} from './fields';

const listAt = (s: StudioState, path: Path): Json[] => {
  const list = getAt(s.doc.value, path);
  return Array.isArray(list) ? list : [];
};

/** An item's title in the editing language (its label or text), for the folded list. */
const titleOf = (item: Json, field = 'label'): string => {
  const text = getAt(item, [field]);
  return text !== null && typeof text === 'object' && !Array.isArray(text)
    ? localise(text as Record<string, string>, editingLanguage.value, 'en')
    : '';
};

const factChoices = () => FACT_KEYS.map((key) => ({ value: key, label: t(`fact.${key}` as 'fact.employees') }));

function add(s: StudioState, kind: ItemKind, owner: Path, label: string): void {
  s.edit((doc) => addItem(doc, kind, owner, { language: editingLanguage.value, label }));
}

function Tactics({ s, owner }: { s: StudioState; owner: Path }) {
  const list: Path = [...owner, 'tactics'];
  const items = listAt(s, list);
  const whenChoices = WHEN.map((w) => ({ value: w, label: t(`checklist.when.${w}` as 'checklist.when.before') }));
  return (
    <fieldset class="sub">
      <legend>{t('studio.tactics')}</legend>
      <ol class="items">
        {items.map((item, i) => (
          <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item, 'text')} id={idOf(item)} testid={`tactic-${idOf(item)}`}>
            {() => (
              <>
                <SelectField s={s} path={[...list, i, 'when']} label={t('studio.tactic.when')} choices={whenChoices} />
                <LocalTextField s={s} path={[...list, i, 'text']} label={t('studio.tactic.text')} multiline testid={`tactic-text-${idOf(item)}`} />
                <LocalTextField s={s} path={[...list, i, 'why']} label={t('studio.tactic.why')} multiline />
              </>
            )}
          </Item>
        ))}
      </ol>
      <FieldErrors s={s} path={list} exact />
      <AddButton label={t('studio.add.tactic')} onAdd={() => add(s, 'tactic', owner, t('studio.new.tactic'))} />
    </fieldset>
  );
}

function TextList({ s, owner, field, legend, addLabel }: { s: StudioState; owner: Path; field: 'traits' | 'avoid'; legend: string; addLabel: string }) {
  const list: Path = [...owner, field];
  const items = listAt(s, list);
  return (
    <fieldset class="sub">
      <legend>{legend}</legend>
      <ol class="items">
        {items.map((item, i) => (
          <Item key={i} s={s} list={list} index={i} count={items.length} title={localise(item as Record<string, string>, editingLanguage.value, 'en')}>
            {() => <LocalTextField s={s} path={[...list, i]} label={legend} />}
          </Item>
        ))}
      </ol>
      <AddButton label={addLabel} onAdd={() => add(s, field === 'traits' ? 'trait' : 'avoid', owner, t('studio.new.text'))} />
    </fieldset>
  );
}

export function General({ s }: { s: StudioState }) {
  return (
    <section class="card" aria-labelledby="general-title">
      <h2 id="general-title">{t('studio.general')}</h2>
      <div class="grid">
        <TextField s={s} path={['id']} label={t('studio.general.id')} />
        <TextField s={s} path={['version']} label={t('studio.general.version')} testid="version" />
        <TextField s={s} path={['fallbackLanguage']} label={t('studio.general.fallback')} />
      </div>
      <LocalTextField s={s} path={['name']} label={t('studio.general.name')} />
      <div class="grid">
        <NumberField s={s} path={['personaSuggestion', 'minConfidence']} label={t('studio.general.minConfidence')} step={0.05} />
        <NumberField s={s} path={['personaSuggestion', 'secondaryRatio']} label={t('studio.general.secondaryRatio')} step={0.05} />
      </div>
      <PhrasesField s={s} path={['personaSuggestion', 'neutralExamples']} label={t('studio.general.neutral')} />
    </section>
  );
}

export function Segments({ s }: { s: StudioState }) {
  const list: Path = ['segmentation', 'segments'];
  const items = listAt(s, list);
  const touch = ['high', 'medium', 'low'].map((v) => ({ value: v, label: t(`touch.${v}` as 'touch.high') }));
  return (
    <section class="card" aria-labelledby="segments-title">
      <h2 id="segments-title">{t('studio.segments')}</h2>
      <p class="muted small">{t('studio.segments.help')}</p>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)} testid={`segment-${idOf(item)}`}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.segment.label')} />
                  <div class="grid">
                    <NumberField s={s} path={[...path, 'minPoints']} label={t('studio.segment.minPoints')} testid={`segment-minPoints-${idOf(item)}`} />
                    <TextField s={s} path={[...path, 'colour']} label={t('studio.segment.colour')} />
                    <SelectField s={s} path={[...path, 'serviceLevel', 'touch']} label={t('studio.service.touch')} choices={touch} />
                  </div>
                  <LocalTextField s={s} path={[...path, 'serviceLevel', 'owner']} label={t('studio.service.owner')} />
                  <LocalTextField s={s} path={[...path, 'serviceLevel', 'responseTime']} label={t('studio.service.responseTime')} />
                  <LocalTextField s={s} path={[...path, 'serviceLevel', 'channel']} label={t('studio.service.channel')} />
                  <Tactics s={s} owner={path} />
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <FieldErrors s={s} path={list} exact />
      <AddButton label={t('studio.add.segment')} onAdd={() => add(s, 'segment', [], t('studio.new.segment'))} />
    </section>
  );
}

/**
 * When a page fact satisfies a rule: numbers from `min` and below `max`, text equal to or
 * containing one of the lines. Every filled-in part must hold. `dropWhenEmpty`: a criterion's
 * value with nothing filled in loses its rule (the rep picks it); a signal's keeps it, flagged.
 */
function ConditionFields({ s, path, dropWhenEmpty, testid }: { s: StudioState; path: Path; dropWhenEmpty: boolean; testid: string }) {
  const number = (key: 'min' | 'max') => (doc: Json, value: number | undefined) => setCondition(doc, path, key, value, dropWhenEmpty);
  const lines = (key: 'equals' | 'contains') => (doc: Json, text: string) => setCondition(doc, path, key, conditionLines(text, key), dropWhenEmpty);
  return (
    <fieldset class="sub condition" data-testid={testid}>
      <legend>{t('studio.condition.legend')}</legend>
      <div class="grid">
        <NumberField s={s} path={[...path, 'min']} label={t('studio.option.min')} write={number('min')} testid={`${testid}-min`} />
        <NumberField s={s} path={[...path, 'max']} label={t('studio.option.max')} write={number('max')} testid={`${testid}-max`} />
      </div>
      <div class="grid">
        <LinesField s={s} path={[...path, 'equals']} label={t('studio.condition.equals')} help={t('studio.condition.equalsHelp')} write={lines('equals')} testid={`${testid}-equals`} />
        <LinesField s={s} path={[...path, 'contains']} label={t('studio.condition.contains')} help={t('studio.condition.containsHelp')} write={lines('contains')} testid={`${testid}-contains`} />
      </div>
      <FieldErrors s={s} path={path} exact />
    </fieldset>
  );
}

function Options({ s, owner }: { s: StudioState; owner: Path }) {
  const list: Path = [...owner, 'options'];
  const items = listAt(s, list);
  const hasFact = typeof getAt(s.doc.value, [...owner, 'fact']) === 'string';
  return (
    <fieldset class="sub">
      <legend>{t('studio.options')}</legend>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)} testid={`option-${idOf(getAt(s.doc.value, owner) ?? null)}-${idOf(item)}`}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.option.label')} />
                  <NumberField s={s} path={[...path, 'points']} label={t('studio.option.points')} />
                  {hasFact && <ConditionFields s={s} path={[...path, 'when']} dropWhenEmpty testid={`option-when-${idOf(getAt(s.doc.value, owner) ?? null)}-${idOf(item)}`} />}
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <FieldErrors s={s} path={list} exact />
      <AddButton label={t('studio.add.option')} onAdd={() => add(s, 'option', owner, t('studio.new.option'))} />
    </fieldset>
  );
}

export function Criteria({ s }: { s: StudioState }) {
  const list: Path = ['segmentation', 'criteria'];
  const items = listAt(s, list);
  const facts = factChoices();
  return (
    <section class="card" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('studio.criteria')}</h2>
      <p class="muted small">{t('studio.criteria.help')}</p>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)} testid={`criterion-${idOf(item)}`}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.criterion.label')} />
                  <LocalTextField s={s} path={[...path, 'question']} label={t('studio.criterion.question')} />
                  <div class="grid">
                    <SelectField s={s} path={[...path, 'fact']} label={t('studio.criterion.fact')} choices={facts} optional testid={`criterion-fact-${idOf(item)}`} />
                    <CheckField s={s} path={[...path, 'ask']} label={t('studio.criterion.ask')} fallback={true} />
                  </div>
                  <Options s={s} owner={path} />
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <AddButton label={t('studio.add.criterion')} onAdd={() => add(s, 'criterion', [], t('studio.new.criterion'))} />
    </section>
  );
}

export function Matrix({ s }: { s: StudioState }) {
  const doc = s.doc.value ?? null;
  const matrix = getAt(doc, ['segmentation', 'matrix']);
  const criteria = listAt(s, ['segmentation', 'criteria']);
  const segments = listAt(s, ['segmentation', 'segments']);
  const criterionChoices = criteria.map((c) => ({ value: idOf(c), label: titleOf(c) || idOf(c) }));
  const segmentChoices = segments.map((c) => ({ value: idOf(c), label: titleOf(c) || idOf(c) }));
  const criterion = (axis: 'rows' | 'columns') => criteria.find((c) => idOf(c) === getAt(matrix ?? null, [axis]));
  const optionLabel = (axis: 'rows' | 'columns', id: string) => {
    const options = getAt(criterion(axis) ?? null, ['options']);
    const option = Array.isArray(options) ? options.find((o) => idOf(o) === id) : undefined;
    return (option && titleOf(option)) || id;
  };
  const grid = matrixGrid(doc);
  const cells = listAt(s, ['segmentation', 'matrix', 'cells']);
  const rowsName = titleOf(criterion('rows') ?? null) || String(getAt(matrix ?? null, ['rows']) ?? '');
  const columnsName = titleOf(criterion('columns') ?? null) || String(getAt(matrix ?? null, ['columns']) ?? '');
  return (
    <section class="card" aria-labelledby="matrix-title" data-testid="matrix">
      <h2 id="matrix-title">{t('studio.matrix')}</h2>
      <p class="muted small">{t('studio.matrix.help')}</p>
      {matrix === undefined || !grid ? (
        <AddButton
          label={t('studio.matrix.add')}
          onAdd={() =>
            s.edit((d) => {
              const withAxes = setAt(d, ['segmentation', 'matrix'], { rows: criterionChoices[0]?.value ?? '', columns: criterionChoices[1]?.value ?? criterionChoices[0]?.value ?? '', cells: [] });
              return addItem(withAxes, 'cell', [], { language: editingLanguage.value, label: '' });
            })
          }
        />
      ) : (
        <>
          <div class="grid">
            <SelectField s={s} path={['segmentation', 'matrix', 'rows']} label={t('studio.matrix.rows')} choices={criterionChoices} write={(d, id) => setMatrixAxis(d, 'rows', id ?? '')} />
            <SelectField s={s} path={['segmentation', 'matrix', 'columns']} label={t('studio.matrix.columns')} choices={criterionChoices} write={(d, id) => setMatrixAxis(d, 'columns', id ?? '')} />
          </div>
          <div class="matrix-scroll">
            <table class="matrix">
              <caption class="small muted">{t('studio.matrix.caption', { rows: rowsName, columns: columnsName })}</caption>
              <thead>
                <tr>
                  <td />
                  {grid.columns.map((column) => (
                    <th key={column} scope="col">
                      {optionLabel('columns', column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row, r) => (
                  <tr key={row}>
                    <th scope="row">{optionLabel('rows', row)}</th>
                    {grid.columns.map((column, c) => {
                      const current = grid.segments[r]![c] ?? '';
                      return (
                        <td key={column}>
                          <select
                            aria-label={t('studio.matrix.cell', { rowAxis: rowsName, row: optionLabel('rows', row), columnAxis: columnsName, column: optionLabel('columns', column) })}
                            value={current}
                            data-testid={`matrix-cell-${row}-${column}`}
                            onChange={(e) => {
                              const next = e.currentTarget.value;
                              s.edit((d) => setMatrixCell(d, row, column, next === '' ? undefined : next));
                            }}
                          >
                            <option value="">{t('studio.matrix.points')}</option>
                            {!segmentChoices.some((choice) => choice.value === current) && current !== '' && <option value={current}>{current}</option>}
                            {segmentChoices.map((choice) => (
                              <option key={choice.value} value={choice.value}>
                                {choice.label}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {grid.stray.length > 0 && (
            <>
              <p class="small">{t('studio.matrix.stray')}</p>
              <ul class="items">
                {grid.stray.map((i) => {
                  const cell = cells[i] ?? null;
                  const line = t('studio.matrix.strayCell', { row: String(getAt(cell, ['row']) ?? ''), column: String(getAt(cell, ['column']) ?? ''), segment: String(getAt(cell, ['segment']) ?? '') });
                  return (
                    <li key={i} class="item-head">
                      <span class="item-title">{line}</span>
                      <button type="button" aria-label={t('studio.item.remove', { name: line })} onClick={() => s.edit((d) => setAt(d, ['segmentation', 'matrix', 'cells'], cells.filter((_, j) => j !== i)))}>
                        ✕
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <FieldErrors s={s} path={['segmentation', 'matrix']} exact />
          <FieldErrors s={s} path={['segmentation', 'matrix', 'cells']} />
          <div class="row">
            <button type="button" onClick={() => s.edit((d) => setAt(d, ['segmentation', 'matrix'], undefined))}>
              {t('studio.matrix.remove')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Signals({ s, owner }: { s: StudioState; owner: Path }) {
  const list: Path = [...owner, 'signals'];
  const items = listAt(s, list);
  const facts = factChoices();
  return (
    <fieldset class="sub">
      <legend>{t('studio.signals')}</legend>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)} testid={`signal-${idOf(item)}`}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.signal.label')} />
                  <NumberField s={s} path={[...path, 'weight']} label={t('studio.signal.weight')} step={0.5} />
                  <PhrasesField s={s} path={[...path, 'patterns']} label={t('studio.signal.patterns')} />
                  <SelectField
                    s={s}
                    path={[...path, 'fact', 'key']}
                    label={t('studio.signal.fact')}
                    choices={facts}
                    optional
                    testid={`signal-fact-${idOf(item)}`}
                    write={(doc, key) => setSignalFact(doc, path, key)}
                  />
                  {getAt(item, ['fact']) !== undefined && <ConditionFields s={s} path={[...path, 'fact', 'when']} dropWhenEmpty={false} testid={`signal-when-${idOf(item)}`} />}
                  <FieldErrors s={s} path={path} exact />
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <AddButton label={t('studio.add.signal')} onAdd={() => add(s, 'signal', owner, t('studio.new.signal'))} />
    </fieldset>
  );
}

export function Personas({ s }: { s: StudioState }) {
  const list: Path = ['personas'];
  const items = listAt(s, list);
  return (
    <section class="card" aria-labelledby="personas-title">
      <h2 id="personas-title">{t('studio.personas')}</h2>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)} testid={`persona-${idOf(item)}`}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.persona.label')} />
                  <LocalTextField s={s} path={[...path, 'summary']} label={t('studio.persona.summary')} multiline />
                  <TextList s={s} owner={path} field="traits" legend={t('studio.persona.traits')} addLabel={t('studio.add.trait')} />
                  <Signals s={s} owner={path} />
                  <PhrasesField s={s} path={[...path, 'examples']} label={t('studio.persona.examples')} />
                  <Tactics s={s} owner={path} />
                  <TextList s={s} owner={path} field="avoid" legend={t('studio.persona.avoid')} addLabel={t('studio.add.avoid')} />
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <FieldErrors s={s} path={list} exact />
      <AddButton label={t('studio.add.persona')} onAdd={() => add(s, 'persona', [], t('studio.new.persona'))} />
    </section>
  );
}

export function Scenarios({ s }: { s: StudioState }) {
  const list: Path = ['learning', 'scenarios'];
  const items = listAt(s, list);
  const personas = listAt(s, ['personas']).map((p) => ({ value: idOf(p), label: titleOf(p) || idOf(p) }));
  return (
    <section class="card" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">{t('studio.scenarios')}</h2>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item, 'text')} id={idOf(item)}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'text']} label={t('studio.scenario.text')} multiline />
                  <div class="grid">
                    <SelectField s={s} path={[...path, 'persona']} label={t('studio.scenario.persona')} choices={personas} />
                    <SelectField s={s} path={[...path, 'secondary']} label={t('studio.scenario.secondary')} choices={personas} optional />
                  </div>
                  <LocalTextField s={s} path={[...path, 'why']} label={t('studio.scenario.why')} multiline />
                </>
              )}
            </Item>
          );
        })}
      </ol>
      <AddButton label={t('studio.add.scenario')} onAdd={() => add(s, 'scenario', [], t('studio.new.scenario'))} />
    </section>
  );
}
