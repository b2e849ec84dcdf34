import { t } from '../lib/i18n';
import { storageProblem } from '../lib/storage-problem';

/** One line when the database cannot be written or opened; nothing otherwise. */
export function StorageProblemNotice() {
  const problem = storageProblem.value;
  if (!problem) return null;
  return (
    <p class="storage-problem" role="alert">
      {t(`storage.problem.${problem}`)}
    </p>
  );
}
