import type { Pareto, SegmentShare, Workload } from '../../lib/accounts/stats';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { compact, number, percent, segmentColour, segmentLabel } from './format';

// Three small charts drawn as inline SVG: a few rects and a polyline need no charting library
// (tens of KB, canvas text a screen reader cannot read, styles outside our CSS variables).
// Each chart has its numbers as text beside it, so nothing is only in the picture.

const FALLBACK = ['#2f5bd3', '#1a7f37', '#b7791f', '#8a8f98', '#7b3fb5', '#c0392b'];
const colourOf = (playbook: Playbook, id: string, index: number) => segmentColour(playbook, id) ?? FALLBACK[index % FALLBACK.length]!;

export function DistributionChart({ shares, playbook }: { shares: readonly SegmentShare[]; playbook: Playbook }) {
  const most = Math.max(1, ...shares.map((s) => s.accounts));
  const revenue = Math.max(1, ...shares.map((s) => s.revenue));
  const width = 220;
  return (
    <figure class="chart" data-testid="distribution">
      <figcaption>{t('accounts.stats.distribution')}</figcaption>
      <svg viewBox={`0 0 ${width} ${shares.length * 24}`} width={width} height={shares.length * 24} aria-hidden="true">
        {shares.map((share, i) => (
          <g key={share.segment} transform={`translate(0 ${i * 24})`}>
            <rect x={0} y={2} height={10} width={(share.accounts / most) * width} fill={colourOf(playbook, share.segment, i)} rx={2} />
            <rect x={0} y={14} height={5} width={(share.revenue / revenue) * width} fill="var(--muted)" rx={2} />
          </g>
        ))}
      </svg>
      <ul class="chart-legend">
        {shares.map((share, i) => (
          <li key={share.segment} data-testid="distribution-line" data-segment={share.segment} data-accounts={share.accounts} data-revenue={share.revenue}>
            <span class="dot" style={{ background: colourOf(playbook, share.segment, i) }} aria-hidden="true" />
            {t('accounts.stats.segmentLine', { segment: segmentLabel(playbook, share.segment), n: share.accounts, revenue: compact(share.revenue) })}
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function ParetoChart({ figure }: { figure: Pareto | undefined }) {
  if (!figure) return <p class="muted">{t('accounts.stats.noRevenue')}</p>;
  const w = 220;
  const h = 120;
  const points = figure.curve.map((p) => `${(p.accountShare * w).toFixed(1)},${(h - p.revenueShare * h).toFixed(1)}`).join(' ');
  const topX = (figure.top.accounts / figure.accounts) * w;
  const topY = h - figure.top.revenueShare * h;
  return (
    <figure class="chart" data-testid="pareto">
      <figcaption data-testid="pareto-figure">
        {t('accounts.stats.pareto', { share: percent(figure.top.accounts / figure.accounts), revenue: percent(figure.top.revenueShare) })}
      </figcaption>
      <svg viewBox={`-2 -2 ${w + 4} ${h + 4}`} width={w + 4} height={h + 4} role="img" aria-label={t('accounts.stats.paretoAxes')}>
        <rect x={0} y={0} width={w} height={h} fill="none" stroke="var(--line)" />
        <line x1={0} y1={h} x2={w} y2={0} stroke="var(--line)" stroke-dasharray="3 3" />
        <polyline points={points} fill="none" stroke="var(--accent)" stroke-width={2} />
        <line x1={topX} y1={h} x2={topX} y2={topY} stroke="var(--muted)" stroke-dasharray="2 2" />
        <circle cx={topX} cy={topY} r={3} fill="var(--accent)" />
      </svg>
      <p class="muted small">{t('accounts.stats.paretoBasis', { n: figure.accounts })}</p>
    </figure>
  );
}

export function WorkloadChart({ workload, playbook, onHours }: { workload: Workload; playbook: Playbook; onHours: (hours: number) => void }) {
  const w = 220;
  const scale = Math.max(workload.hoursNeeded, workload.hoursAvailable, 1);
  let x = 0;
  const gap = workload.hoursNeeded - workload.hoursAvailable;
  return (
    <figure class="chart" data-testid="workload">
      <figcaption>{t('accounts.stats.workload')}</figcaption>
      <svg viewBox={`0 0 ${w} 28`} width={w} height={28} aria-hidden="true">
        {workload.segments.map((segment, i) => {
          const width = (segment.hoursPerMonth / scale) * w;
          const rect = <rect key={segment.segment} x={x} y={4} height={14} width={width} fill={colourOf(playbook, segment.segment, i)} />;
          x += width;
          return rect;
        })}
        <line x1={(workload.hoursAvailable / scale) * w} x2={(workload.hoursAvailable / scale) * w} y1={0} y2={24} stroke="var(--text)" stroke-width={2} />
      </svg>
      <ul class="chart-legend">
        {workload.segments.map((segment) => (
          <li key={segment.segment}>
            {t('accounts.stats.workloadLine', { segment: segmentLabel(playbook, segment.segment), touches: number(segment.touchesPerMonth), hours: number(segment.hoursPerMonth) })}
          </li>
        ))}
      </ul>
      <p data-testid="workload-summary">
        {t('accounts.stats.needed', { needed: number(workload.hoursNeeded), available: number(workload.hoursAvailable) })}{' '}
        {gap > 0 ? t('accounts.stats.over', { hours: number(gap) }) : t('accounts.stats.spare', { hours: number(-gap) })}
      </p>
      <label class="hours">
        {t('accounts.stats.hours')}{' '}
        <input
          type="number"
          min={0}
          max={400}
          step={1}
          value={workload.hoursAvailable}
          onChange={(e) => {
            const hours = Number(e.currentTarget.value);
            if (Number.isFinite(hours) && hours >= 0) onHours(hours);
          }}
          data-testid="hours"
        />
      </label>
      <p class="muted small">{t('accounts.stats.assumption')}</p>
    </figure>
  );
}
