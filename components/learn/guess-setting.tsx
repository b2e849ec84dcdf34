import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { guessFirstSetting } from '../../lib/learn/guess-storage';

/** Learn's switch for "guess first" in the side panel (off by default); the panel's persona card has the same switch. */
export function GuessFirstSetting() {
  const [on, setOn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void guessFirstSetting.getValue().then(setOn);
    return guessFirstSetting.watch(setOn);
  }, []);
  return (
    <div class="guess-setting">
      <label>
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === undefined}
          onChange={(event) => void guessFirstSetting.setValue(event.currentTarget.checked)}
          aria-describedby="guess-setting-hint"
          data-testid="guess-first-setting"
        />{' '}
        {t('learn.guessFirst.label')}
      </label>
      <p class="muted small" id="guess-setting-hint">
        {t('learn.guessFirst.hint')}
      </p>
    </div>
  );
}
