import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { canonicalText } from '../../lib/studio/canonical';
import { parseJsonText } from '../../lib/studio/validate';
import type { StudioState } from '../../lib/studio/state';

/** The whole draft as JSON for power users; applied when it parses, then checked by the same schema as the forms. */
export function RawJson({ s }: { s: StudioState }) {
  const committed = s.doc.value === undefined ? '' : canonicalText(s.doc.value);
  const [local, setLocal] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const [syntax, setSyntax] = useState<string | undefined>(undefined);
  if (committed !== seen) {
    setSeen(committed);
    if (parseJsonText(local).ok) setLocal(committed);
  }
  const errors = s.check.value?.errors ?? [];
  return (
    <section class="card" aria-labelledby="raw-title">
      <h2 id="raw-title">{t('studio.raw.title')}</h2>
      <p class="small muted">{t('studio.raw.help')}</p>
      <textarea
        class="raw"
        rows={30}
        spellcheck={false}
        value={local}
        aria-describedby="raw-errors"
        data-testid="raw-json"
        onInput={(e) => {
          const next = e.currentTarget.value;
          setLocal(next);
          const parsed = parseJsonText(next);
          setSyntax(parsed.ok ? undefined : parsed.message);
          if (parsed.ok) s.edit(() => parsed.value, 'raw');
        }}
      />
      <div id="raw-errors" role="alert">
        {syntax && <p class="error small">{t('studio.raw.syntax', { message: syntax })}</p>}
        {!syntax && errors.length > 0 && (
          <ul>
            {errors.map((e) => (
              <li key={e.path + e.message} class="error small">
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
