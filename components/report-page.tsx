import { t } from '../lib/i18n';
import type { ReportPage } from '../lib/panel/report-page';

/**
 * "Report this page": copies what a maintainer needs to fix the site's reader, and shows what
 * was copied, so the rep can see it holds nothing from the page.
 */
export function ReportPageAction({ report }: { report: ReportPage }) {
  const result = report.result.value;
  return (
    <div class="report-page" data-testid="report-page">
      <button type="button" class="link" onClick={() => void report.run()} data-testid="report-page-button">
        {t('glance2.report')}
      </button>
      {result && <ReportResultLine report={report} />}
    </div>
  );
}

/** What happened to the last "report this page", with the copied text folded under it. */
export function ReportResultLine({ report }: { report: ReportPage }) {
  const result = report.result.value;
  if (!result) return null;
  return (
    <div class="small report-result" role="status" data-testid="report-page-result" data-status={result.status}>
      <p>{result.status === 'copied' ? t('glance2.report.copied') : t('glance2.report.notCopied')}</p>
      <details open={result.status !== 'copied'}>
        <summary>{t('glance2.report.preview')}</summary>
        <pre data-testid="report-page-text">{result.text}</pre>
      </details>
    </div>
  );
}
