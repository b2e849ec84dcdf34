import { t } from '../../lib/i18n';
import { READY, type Readiness } from '../../lib/learn/ready';
import { accuracyByWeek, reviewsPerDay, streak, type ProgressExport } from '../../lib/learn/stats';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { GuessFirstSetting } from './guess-setting';
import type { LearnState } from './learn-state';

const COLOURS = ['#2f5bd3', '#b7791f', '#1a7f37', '#c0392b', '#8250df', '#0b7285'];

export function ReadyBadge({ readiness }: { readiness: Readiness }) {
  return (
    <span class={`ready-badge ${readiness.state}`} data-ready={readiness.state}>
      {t(`learn.ready.${readiness.state}`)}
    </span>
  );
}

/** Reviews per day as bars: inline SVG, no chart library, with the numbers in a title for screen readers. */
function DayBars({ counts }: { counts: { day: number; reviews: number }[] }) {
  const max = Math.max(1, ...counts.map((c) => c.reviews));
  const w = 16;
  const h = 60;
  return (
    <svg class="chart" viewBox={`0 0 ${counts.length * w} ${h + 2}`} width={counts.length * w} height={h + 2} role="img" aria-label={t('learn.progress.perDayLabel', { list: counts.map((c) => c.reviews).join(', ') })}>
      {counts.map((c, i) => {
        const bar = Math.round((c.reviews / max) * h);
        return <rect key={c.day} x={i * w + 2} y={h - bar} width={w - 4} height={Math.max(bar, 1)} class={c.reviews ? 'bar' : 'bar empty'} />;
      })}
    </svg>
  );
}

/** Accuracy per persona per week as lines, one colour per persona, legend beside it. */
function AccuracyLines({ series }: { series: { label: string; points: (number | undefined)[] }[] }) {
  const weeks = series[0]?.points.length ?? 0;
  const w = 40;
  const h = 60;
  return (
    <div class="accuracy">
      <svg class="chart" viewBox={`0 0 ${Math.max(1, weeks - 1) * w + 8} ${h + 8}`} width={Math.max(1, weeks - 1) * w + 8} height={h + 8} role="img" aria-label={t('learn.progress.accuracyLabel')}>
        <line x1="0" x2={Math.max(1, weeks - 1) * w + 8} y1={4} y2={4} class="guide" />
        <line x1="0" x2={Math.max(1, weeks - 1) * w + 8} y1={4 + h} y2={4 + h} class="guide" />
        {series.map((s, si) => {
          const points = s.points.map((p, i) => (p === undefined ? undefined : `${i * w + 4},${4 + h - p * h}`)).filter((p): p is string => p !== undefined);
          return (
            <g key={s.label} stroke={COLOURS[si % COLOURS.length]} fill={COLOURS[si % COLOURS.length]}>
              <polyline points={points.join(' ')} fill="none" stroke-width="2" />
              {points.map((p) => {
                const [x, y] = p.split(',');
                return <circle key={p} cx={x} cy={y} r="3" />;
              })}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {series.map((s, si) => {
          const last = [...s.points].reverse().find((p) => p !== undefined);
          return (
            <li key={s.label}>
              <span class="swatch" style={{ background: COLOURS[si % COLOURS.length] }} aria-hidden="true" /> {s.label}: {last === undefined ? '–' : t('learn.progress.percent', { n: Math.round(last * 100) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function exportFile(state: LearnState, playbook: Playbook): ProgressExport {
  const report = state.report.value;
  return {
    format: 'playcard-learn-progress',
    version: 1,
    exportedAt: new Date(state.now.value).toISOString(),
    playbook: { id: playbook.id, version: playbook.version },
    streak: streak(state.reviews.value, state.now.value, state.offset),
    reviews: state.reviews.value.map((r) => ({ at: new Date(r.at).toISOString(), card: r.cardId, source: r.source, grading: r.grading, ...(r.correct === undefined ? {} : { correct: r.correct }) })),
    ready: {
      overall: report?.overall ?? 'not-started',
      personas: Object.fromEntries(report?.personas.map((p) => [p.id, p.readiness.state]) ?? []),
      segments: Object.fromEntries(report?.segments.map((s) => [s.id, s.readiness.state]) ?? []),
    },
  };
}

function download(data: ProgressExport): void {
  // Made here and saved by the browser: nothing is sent anywhere.
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `playcard-learn-progress-${data.exportedAt.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ReadyRow({ label, readiness }: { label: string; readiness: Readiness }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <ReadyBadge readiness={readiness} />
      </td>
      <td>{t('learn.progress.stable', { stable: readiness.stable, n: readiness.cards })}</td>
      <td>{readiness.answers ? t('learn.progress.right', { right: readiness.right, n: readiness.answers }) : '–'}</td>
    </tr>
  );
}

export function Progress({ state, playbook }: { state: LearnState; playbook: Playbook }) {
  const report = state.report.value;
  const reviews = state.reviews.value;
  const now = state.now.value;
  const days = reviewsPerDay(reviews, now, state.offset, 14);
  const series = playbook.personas.map((p) => ({
    label: text(p.label, playbook),
    points: accuracyByWeek(reviews, p.id, now, state.offset, 6).map((w) => (w.answers ? w.right / w.answers : undefined)),
  }));
  return (
    <section class="progress" data-testid="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('learn.progress.title')}</h2>
      <div class="stats">
        <p>
          <strong data-testid="streak" data-count={streak(reviews, now, state.offset)}>{t('learn.progress.streak', { n: streak(reviews, now, state.offset) })}</strong>
        </p>
        <p data-testid="review-count" data-count={reviews.length}>{t('learn.progress.reviews', { n: reviews.length })}</p>
      </div>
      <h3>{t('learn.progress.ready')}</h3>
      <p class="muted" data-testid="ready-explained">
        {t('learn.ready.explain', { days: READY.stabilityDays, percent: READY.accuracy * 100, last: READY.recentAnswers, min: READY.minAnswers })}
      </p>
      {report && (
        <table class="ready-table" data-testid="ready-table">
          <tbody>
            {report.personas.map((p) => (
              <ReadyRow key={p.id} label={text(playbook.personas.find((x) => x.id === p.id)?.label, playbook)} readiness={p.readiness} />
            ))}
            {report.segments.map((s) => (
              <ReadyRow key={s.id} label={text(playbook.segmentation.segments.find((x) => x.id === s.id)?.label, playbook)} readiness={s.readiness} />
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('learn.progress.perDay')}</h3>
      <DayBars counts={days} />
      <h3>{t('learn.progress.accuracy')}</h3>
      <AccuracyLines series={series} />
      <p>
        <button type="button" onClick={() => download(exportFile(state, playbook))} data-testid="export">
          {t('learn.progress.export')}
        </button>{' '}
        <span class="muted small">{t('learn.progress.exportHint')}</span>
      </p>
      <GuessFirstSetting />
    </section>
  );
}
