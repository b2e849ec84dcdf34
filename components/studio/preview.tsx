import { useState } from 'preact/hooks';
import { assessAccount } from '../../lib/core/assess';
import { suggestPersona } from '../../lib/core/persona';
import { forThisCall } from '../../lib/core/for-this-call';
import { segmentStanding } from '../../lib/core/segment-standing';
import { t } from '../../lib/i18n';
import { NONE } from '../../lib/studio/quality';
import type { StudioState } from '../../lib/studio/state';
import { Checklist } from '../checklist';
import { ForThisCall } from '../for-this-call';
import { Glance } from '../glance';
import { PersonaCard } from '../persona-card';
import { SegmentCard } from '../segment-card';
import { text } from '../use-text';

export function TryEmail({ s }: { s: StudioState }) {
  const [email, setEmail] = useState('');
  const playbook = s.lastValid.value;
  const suggestion = playbook && email.trim() ? suggestPersona(email, {}, playbook) : undefined;
  const persona = suggestion?.primary ? playbook?.personas.find((p) => p.id === suggestion.primary) : undefined;
  return (
    <section class="card" aria-labelledby="try-title">
      <h2 id="try-title">{t('studio.try.title')}</h2>
      <label for="try-email" class="small">
        {t('studio.try.label')}
      </label>
      <textarea id="try-email" rows={4} value={email} data-testid="try-email" onInput={(e) => setEmail(e.currentTarget.value)} />
      {suggestion && playbook && (
        <div data-testid="try-result">
          <p>
            {persona
              ? t('studio.try.suggests', { persona: text(persona.label, playbook), confidence: Math.round(suggestion.confidence * 100) })
              : t('studio.try.none')}
          </p>
          <ul class="evidence">
            {suggestion.evidence.map((e, i) => (
              <li key={i}>
                {e.kind === 'classifier' ? t('persona.evidence.writesLike', { example: e.example ?? '' }) : text(e.signalLabel, playbook)}
                <q>{e.excerpt}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function Quality({ s }: { s: StudioState }) {
  const quality = s.quality.value;
  const playbook = s.lastValid.value;
  const name = (id: string) => (id === NONE ? t('studio.quality.none') : playbook ? text(playbook.personas.find((p) => p.id === id)?.label, playbook) || id : id);
  const percent = (correct: number, total: number) => (total ? Math.round((correct / total) * 100) : 0);
  return (
    <section class="card" aria-labelledby="quality-title" data-testid="quality">
      <h2 id="quality-title">{t('studio.quality.title')}</h2>
      <p class="small muted">{t('studio.quality.help')}</p>
      <button type="button" disabled={s.qualityRunning.value || !s.check.value?.playbook} onClick={() => void s.measureQuality()} data-testid="quality-run">
        {s.qualityRunning.value ? t('studio.quality.running') : t('studio.quality.run')}
      </button>
      {quality && (
        <>
          <table class="scores">
            <thead>
              <tr>
                <th>{t('studio.quality.language')}</th>
                <th>{t('studio.quality.examples')}</th>
                <th>{t('studio.quality.scenarios')}</th>
              </tr>
            </thead>
            <tbody>
              {quality.examples.map((row) => {
                const scenario = quality.scenarios.find((x) => x.language === row.language);
                return (
                  <tr key={row.language} data-testid={`quality-${row.language}`}>
                    <td>{row.language}</td>
                    <td>{t('studio.quality.score', { percent: percent(row.correct, row.total), correct: row.correct, total: row.total })}</td>
                    <td>{scenario ? t('studio.quality.score', { percent: percent(scenario.correct, scenario.total), correct: scenario.correct, total: scenario.total }) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table class="confusion" data-testid="confusion">
            <caption class="small muted">{t('studio.quality.confusion')}</caption>
            <thead>
              <tr>
                <th />
                {quality.confusion.columns.map((c) => (
                  <th key={c} scope="col">
                    {name(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {quality.confusion.personas.map((row, r) => (
                <tr key={row}>
                  <th scope="row">{name(row)}</th>
                  {quality.confusion.counts[r]!.map((n, c) => (
                    <td key={c} class={quality.confusion.columns[c] === row ? 'diagonal' : n > 0 ? 'confused' : ''}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** What a rep would see for one account with the draft: the panel's own cards, read-only. */
export function RepPanel({ s }: { s: StudioState }) {
  const [key, setKey] = useState<string | undefined>(undefined);
  const playbook = s.lastValid.value;
  const accounts = s.accounts.value;
  const account = accounts.find((a) => a.key === key) ?? accounts[0];
  if (!playbook || !account) return null;
  const assessment = assessAccount({ facts: account.facts, answers: account.answers, text: account.text }, playbook, suggestPersona);
  const standing = segmentStanding(assessment.segment, playbook);
  // As the panel plans the call: an unscored segment gives no tactics yet (lib/panel/state.ts).
  const items = standing.scored ? assessment.checklist : assessment.checklist.filter((item) => item.source.kind === 'persona');
  const forCall = forThisCall(items, () => false);
  const ignore = () => {};
  return (
    <section class="card" aria-labelledby="rep-title" data-testid="rep-panel">
      <h2 id="rep-title">{t('studio.rep.title')}</h2>
      <label for="rep-account" class="small">
        {t('studio.rep.account')}
      </label>{' '}
      <select id="rep-account" value={account.key} onChange={(e) => setKey(e.currentTarget.value)}>
        {accounts.map((a) => (
          <option key={a.key} value={a.key}>
            {a.demo ? t('studio.rep.demo', { name: a.name }) : a.name}
          </option>
        ))}
      </select>
      <div class="rep-preview" inert>
        <Glance assessment={assessment} standing={standing} playbook={playbook} done={0} onOpen={ignore} />
        <ForThisCall forCall={forCall} checks={{}} playbook={playbook} onToggle={ignore} onPhase={ignore} empty={t('forCall.needsMore')} />
        <SegmentCard assessment={assessment.segment} standing={standing} playbook={playbook} questions={[]} effect={undefined} onAnswer={ignore} open={false} onToggle={ignore} />
        <PersonaCard persona={assessment.persona} playbook={playbook} onChoosePrimary={ignore} onChooseSecondary={ignore} onReset={ignore} />
        <Checklist items={assessment.checklist} checks={{}} playbook={playbook} onToggle={ignore} />
      </div>
    </section>
  );
}
