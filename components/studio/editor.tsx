import { t } from '../../lib/i18n';
import { localise } from '../../lib/i18n';
import { FACT_KEYS, WHEN } from '../../lib/playbook/constants';
import { getAt, setAt, type Json, type Path } from '../../lib/studio/draft';
import { addItem, type ItemKind } from '../../lib/studio/items';
import type { StudioState } from '../../lib/studio/state';
import {
  AddButton,
  CheckField,
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
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.option.label')} />
                  <div class="grid">
                    <NumberField s={s} path={[...path, 'points']} label={t('studio.option.points')} />
                    {hasFact && <NumberField s={s} path={[...path, 'when', 'min']} label={t('studio.option.min')} />}
                    {hasFact && <NumberField s={s} path={[...path, 'when', 'max']} label={t('studio.option.max')} />}
                  </div>
                  <FieldErrors s={s} path={[...path, 'when']} exact />
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
  const facts = FACT_KEYS.map((key) => ({ value: key, label: t(`fact.${key}` as 'fact.employees') }));
  return (
    <section class="card" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('studio.criteria')}</h2>
      <p class="muted small">{t('studio.criteria.help')}</p>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.criterion.label')} />
                  <LocalTextField s={s} path={[...path, 'question']} label={t('studio.criterion.question')} />
                  <div class="grid">
                    <SelectField s={s} path={[...path, 'fact']} label={t('studio.criterion.fact')} choices={facts} optional />
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
  const matrix = getAt(s.doc.value, ['segmentation', 'matrix']);
  const criteria = listAt(s, ['segmentation', 'criteria']);
  const segments = listAt(s, ['segmentation', 'segments']);
  const criterionChoices = criteria.map((c) => ({ value: idOf(c), label: titleOf(c) || idOf(c) }));
  const segmentChoices = segments.map((c) => ({ value: idOf(c), label: titleOf(c) || idOf(c) }));
  const optionsOf = (axis: 'rows' | 'columns') => {
    const id = getAt(matrix ?? null, [axis]);
    const criterion = criteria.find((c) => idOf(c) === id);
    const options = getAt(criterion ?? null, ['options']);
    return (Array.isArray(options) ? options : []).map((o) => ({ value: idOf(o), label: titleOf(o) || idOf(o) }));
  };
  const cells = listAt(s, ['segmentation', 'matrix', 'cells']);
  return (
    <section class="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('studio.matrix')}</h2>
      <p class="muted small">{t('studio.matrix.help')}</p>
      {matrix === undefined ? (
        <AddButton
          label={t('studio.matrix.add')}
          onAdd={() =>
            s.edit((doc) => {
              const withAxes = setAt(doc, ['segmentation', 'matrix'], { rows: criterionChoices[0]?.value ?? '', columns: criterionChoices[1]?.value ?? criterionChoices[0]?.value ?? '', cells: [] });
              return addItem(withAxes, 'cell', [], { language: editingLanguage.value, label: '' });
            })
          }
        />
      ) : (
        <>
          <div class="grid">
            <SelectField s={s} path={['segmentation', 'matrix', 'rows']} label={t('studio.matrix.rows')} choices={criterionChoices} />
            <SelectField s={s} path={['segmentation', 'matrix', 'columns']} label={t('studio.matrix.columns')} choices={criterionChoices} />
          </div>
          <table class="matrix">
            <thead>
              <tr>
                <th>{t('studio.matrix.rows')}</th>
                <th>{t('studio.matrix.columns')}</th>
                <th>{t('studio.matrix.segment')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {cells.map((_, i) => {
                const path: Path = ['segmentation', 'matrix', 'cells', i];
                return (
                  <tr key={i}>
                    <td>
                      <SelectField s={s} path={[...path, 'row']} label={t('studio.matrix.rows')} choices={optionsOf('rows')} />
                    </td>
                    <td>
                      <SelectField s={s} path={[...path, 'column']} label={t('studio.matrix.columns')} choices={optionsOf('columns')} />
                    </td>
                    <td>
                      <SelectField s={s} path={[...path, 'segment']} label={t('studio.matrix.segment')} choices={segmentChoices} />
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('studio.item.remove', { name: String(i + 1) })}
                        onClick={() => s.edit((doc) => setAt(doc, ['segmentation', 'matrix', 'cells'], cells.filter((__, j) => j !== i)))}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FieldErrors s={s} path={['segmentation', 'matrix']} exact />
          <div class="row">
            <AddButton label={t('studio.matrix.addCell')} onAdd={() => add(s, 'cell', [], '')} />
            <button type="button" onClick={() => s.edit((doc) => setAt(doc, ['segmentation', 'matrix'], undefined))}>
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
  return (
    <fieldset class="sub">
      <legend>{t('studio.signals')}</legend>
      <ol class="items">
        {items.map((item, i) => {
          const path: Path = [...list, i];
          return (
            <Item key={idOf(item) || i} s={s} list={list} index={i} count={items.length} title={titleOf(item)} id={idOf(item)}>
              {() => (
                <>
                  <LocalTextField s={s} path={[...path, 'label']} label={t('studio.signal.label')} />
                  <NumberField s={s} path={[...path, 'weight']} label={t('studio.signal.weight')} step={0.5} />
                  <PhrasesField s={s} path={[...path, 'patterns']} label={t('studio.signal.patterns')} />
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
