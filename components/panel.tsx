import { t } from '../lib/i18n';
import type { PanelState } from '../lib/panel/state';
import { AccountHeader } from './account-header';
import { Checklist } from './checklist';
import { Glance } from './glance';
import { PersonaCard } from './persona-card';
import { Questions } from './questions';
import { RecentAccounts } from './recent-accounts';
import { SegmentCard } from './segment-card';
import { UnreadableNotice } from './unreadable-notice';
import { UpdateError, UpdateNotice } from './update-banner';

export function Panel({ state }: { state: PanelState }) {
  const playbook = state.playbook.value;
  const notice = state.notice.value;
  const updateError = state.updateError.value;
  const persona = state.assessment.value?.persona;
  const banners = (
    <>
      {notice && (
        <UpdateNotice
          notice={notice}
          playbook={playbook}
          context={{
            persona: [persona?.primary, persona?.secondary].filter((id): id is string => id !== undefined),
            segment: state.assessment.value?.segment.segment.id,
          }}
          onDismiss={() => state.dismissNotice()}
        />
      )}
      {updateError && <UpdateError error={updateError} version={state.activeVersion.value} />}
    </>
  );
  const account = state.account.value;
  const assessment = state.assessment.value;
  const tab = state.tab.value;
  const pinned = state.pinnedKey.value !== undefined;

  if (state.accountKey.value) {
    if (!account || !assessment || !playbook) return <p class="muted status" data-testid="status">{t('panel.loading')}</p>;
    const tabState = tab.kind === 'state' ? tab.state : undefined;
    const fromCache = pinned || !tabState || tabState.at - account.seenAt > 1000;
    const checks = state.checks.value;
    const done = assessment.checklist.filter((item) => checks[item.id]?.done).length;
    return (
      <main data-testid="card" data-account-key={account.key}>
        {banners}
        {pinned && (
          <p class="pinned small">
            {t('panel.viewing')} ·{' '}
            <button type="button" class="link" onClick={() => state.backToTab()}>
              {t('panel.back')}
            </button>
          </p>
        )}
        <AccountHeader account={account} fromCache={fromCache}>
          <Glance assessment={assessment} playbook={playbook} done={done} />
        </AccountHeader>
        <SegmentCard assessment={assessment.segment} playbook={playbook} />
        <PersonaCard persona={assessment.persona} playbook={playbook} onChoose={(choice) => state.choosePersona(choice)} />
        <Checklist
          items={assessment.checklist}
          checks={checks}
          archived={state.archivedChecks.value}
          playbook={playbook}
          onToggle={(id, done) => state.toggleTactic(id, done)}
        />
        <Questions questions={assessment.segment.questions} playbook={playbook} onAnswer={(c, o) => state.answer(c, o)} />
      </main>
    );
  }

  if (tab.kind === 'waiting') return <p class="muted status" data-testid="status">{t('panel.loading')}</p>;

  const unreadable = tab.kind === 'state' && tab.state.status === 'unreadable' ? tab.state : undefined;
  return (
    <main data-testid="no-account">
      {banners}
      {unreadable ? (
        <UnreadableNotice siteLabel={unreadable.siteLabel} missing={unreadable.missing} />
      ) : (
        <section class="card notice" data-testid="not-recognised">
          <h2>{t('panel.notRecognised.title')}</h2>
          <p class="small">{t('panel.notRecognised.body')}</p>
        </section>
      )}
      <RecentAccounts accounts={state.recent.value ?? []} onOpen={(key) => state.openAccount(key)} />
    </main>
  );
}
