import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { textSourceOf } from '../lib/panel/evidence';
import type { ReportPage } from '../lib/panel/report-page';
import type { PanelState } from '../lib/panel/state';
import { AccountFacts, AccountHeader } from './account-header';
import { BookLine, BookPinNote } from './book-line';
import { Checklist } from './checklist';
import { ForThisCall } from './for-this-call';
import { Glance } from './glance';
import { GuessOutcomeSlot, GuessSlot, GuessToggle, useGuessFirst } from './learn/guess-slot';
import { PersonaCard } from './persona-card';
import { Questions } from './questions';
import { RecentAccounts } from './recent-accounts';
import { SegmentCard } from './segment-card';
import { ReportPageAction, ReportResultLine } from './report-page';
import { PageHint, pageNoticeKind, UnreadableNotice } from './unreadable-notice';
import { UpdateError, UpdateNotice } from './update-banner';
import { AfterFirstPaint } from './after-first-paint';

/**
 * The side panel, built around one question: what do I do on this call?
 *
 * Visually: the sticky header (company, segment, persona, progress, settings), then
 * "For this call", then, while the segment is not scored, the questions that decide it;
 * everything else (all tactics, the segment's story, the persona picker, the CRM's facts)
 * follows, folded where it is long. The header and its h1 come first in the DOM too, so
 * headings read in order; the first thing focus reaches is a skip link to "For this call".
 */
export function Panel({
  state,
  onOpenSettings,
  onOpenLearn,
  report,
}: {
  state: PanelState;
  onOpenSettings?: () => void;
  /** Opens Learn (learn.html) for a new hire: from the header, and instead of a card when no account is open. */
  onOpenLearn?: () => void;
  report?: ReportPage;
}) {
  const [segmentOpen, setSegmentOpen] = useState(false);
  // "Guess first" (lib/panel/guess-state.ts): while the rep has not guessed, the assessment and
  // "For this call" come without the persona.
  const guess = useGuessFirst(state);
  const playbook = state.playbook.value;
  const notice = state.notice.value;
  const updateError = state.updateError.value;
  const persona = guess.assessment.value?.persona;
  const banners = (
    <>
      {notice && (
        <UpdateNotice
          notice={notice}
          playbook={playbook}
          context={{
            persona: [persona?.primary, persona?.secondary].filter((id): id is string => id !== undefined),
            segment: guess.assessment.value?.segment.segment.id,
          }}
          onDismiss={() => state.dismissNotice()}
        />
      )}
      {updateError && <UpdateError version={state.activeVersion.value} onOpenSettings={onOpenSettings} />}
      {report && state.accountKey.value && <ReportResultLine report={report} />}
    </>
  );
  const account = state.account.value;
  const assessment = guess.assessment.value;
  const standing = state.standing.value;
  const forCall = guess.forCall.value;
  const hidden = guess.hidden.value;
  const tab = state.tab.value;
  const pinned = state.pinnedKey.value !== undefined;

  if (state.accountKey.value) {
    if (!account || !assessment || !playbook || !standing || !forCall || !guess.ready.value)
      return <p class="muted status" data-testid="status">{t('panel.loading')}</p>;
    const tabState = tab.kind === 'state' ? tab.state : undefined;
    // A tab's account is the page's own read, even for the moment before that read is stored (the
    // background tells the panel first): only an account opened from the list is shown from cache.
    const fromCache = pinned || !tabState;
    const checks = state.checks.value;
    const done = assessment.checklist.filter((item) => checks[item.id]?.done).length;
    const topIds = state.topQuestions.value;
    const atTop = topIds
      .map((id) => assessment.segment.questions.find((q) => q.criterion.id === id))
      .filter((q) => q !== undefined);
    const below = assessment.segment.questions.filter((q) => !topIds.includes(q.criterion.id));
    const effect = state.answerEffect.value;
    const open = (section: 'segment' | 'persona') => {
      if (section === 'segment') setSegmentOpen(true);
      const target = section === 'segment' && atTop.length > 0 ? 'segment-ask' : section;
      document.getElementById(target)?.scrollIntoView({ block: 'start' });
    };
    return (
      <main class="card-layout" data-testid="card" data-account-key={account.key}>
        <a class="skip-first" href="#for-this-call">
          {t('glance2.skipToCall')}
        </a>
        <AccountHeader account={account} fromCache={fromCache} {...(onOpenSettings ? { onOpenSettings } : {})} {...(onOpenLearn ? { onOpenLearn } : {})} {...(report ? { onReport: () => void report.run() } : {})}>
          <Glance assessment={assessment} standing={standing} playbook={playbook} done={done} onOpen={open} personaHidden={hidden} />
          <BookPinNote book={state.book} playbook={playbook} scored={assessment.scoredSegment?.id} />
          {pinned && (
            <p class="pinned small">
              {t('panel.viewing')} ·{' '}
              <button type="button" class="link" onClick={() => state.backToTab()}>
                {t('panel.back')}
              </button>
            </p>
          )}
        </AccountHeader>
        <BookLine key={account.key} book={state.book} playbook={playbook} scored={assessment.scoredSegment?.id ?? assessment.segment.segment.id} />
        <ForThisCall
          forCall={forCall}
          checks={checks}
          playbook={playbook}
          onToggle={(id, isDone) => state.toggleTactic(id, isDone)}
          onPhase={(phase) => state.choosePhase(phase)}
          empty={hidden ? t('panel.guess.forCall') : !standing.scored && !assessment.persona.primary ? t('forCall.needsMore') : t('forCall.allDone')}
          {...(hidden && forCall.items.length > 0 ? { note: t('panel.guess.forCall') } : {})}
        />
        <nav class="skip-links" aria-label={t('glance.skipLinks')}>
          <a href="#all-tactics">{t('forCall.all')}</a>
          <a href="#segment">{t('segment.title')}</a>
          <a href="#persona">{t('persona.title')}</a>
        </nav>
        {atTop.length > 0 && (
          <section class="card ask" id="segment-ask" aria-labelledby="ask-title">
            <Questions
              questions={atTop}
              playbook={playbook}
              onAnswer={(c, o) => state.answer(c, o)}
              effect={effect}
              title={t('segment.ask.title')}
              hint={t('segment.ask.hint')}
              testId="questions-top"
              id="ask-title"
              level={2}
            />
          </section>
        )}
        {banners}
        <Checklist
          items={assessment.checklist}
          checks={checks}
          archived={state.archivedChecks.value}
          segmentPending={!standing.scored}
          playbook={playbook}
          onToggle={(id, isDone) => state.toggleTactic(id, isDone)}
        />
        <AfterFirstPaint>
          <SegmentCard
            assessment={assessment.segment}
            standing={standing}
            playbook={playbook}
            questions={below}
            effect={effect}
            onAnswer={(c, o) => state.answer(c, o)}
            open={segmentOpen}
            onToggle={setSegmentOpen}
          />
          {hidden ? (
            <GuessSlot guess={guess} playbook={playbook} />
          ) : (
            <>
              <GuessOutcomeSlot guess={guess} playbook={playbook} />
              <PersonaCard
                persona={assessment.persona}
                playbook={playbook}
                onChoosePrimary={(id) => state.choosePrimaryPersona(id)}
                onChooseSecondary={(id) => state.chooseSecondaryPersona(id)}
                onReset={() => state.choosePersona(undefined)}
                textSource={textSourceOf(account.snapshot)}
                evidenceOpen={guess.outcome.value !== undefined}
              >
                <GuessToggle guess={guess} />
              </PersonaCard>
            </>
          )}
          <AccountFacts account={account} />
        </AfterFirstPaint>
      </main>
    );
  }

  if (tab.kind === 'waiting') return <p class="muted status" data-testid="status">{t('panel.loading')}</p>;
  if (tab.kind === 'state' && tab.state.status === 'storage')
    return (
      <main data-testid="no-account">
        {banners}
        <p class="storage-problem" role="alert" data-testid="tab-storage-problem">
          {t(`storage.problem.${tab.state.problem}`)}
        </p>
      </main>
    );
  const unreadable = tab.kind === 'state' && tab.state.status === 'unreadable' ? tab.state : undefined;
  const noticeKind = unreadable ? pageNoticeKind(unreadable.missing) : undefined;
  if (tab.kind === 'reading' || noticeKind === 'reading') {
    const site = tab.kind === 'reading' ? tab.siteLabel : unreadable?.siteLabel;
    return (
      <p class="muted status" data-testid="status" data-reading={site ?? ''}>
        {site ? t('glance2.reading', { site }) : t('panel.loading')}
      </p>
    );
  }

  const reportAction = report && <ReportPageAction report={report} />;
  return (
    <main data-testid="no-account">
      {banners}
      {unreadable && noticeKind === 'hint' ? (
        <PageHint siteLabel={unreadable.siteLabel} missing={unreadable.missing} />
      ) : unreadable ? (
        <UnreadableNotice siteLabel={unreadable.siteLabel} missing={unreadable.missing}>
          {reportAction}
        </UnreadableNotice>
      ) : (
        <section class="card notice" data-testid="not-recognised">
          <h2>{t('panel.notRecognised.title')}</h2>
          <p class="small">{t('panel.notRecognised.body')}</p>
          {onOpenLearn && (
            <p class="small">
              <button type="button" class="link" onClick={onOpenLearn} data-testid="practise-instead">
                {t('panel.practiseInstead')}
              </button>
            </p>
          )}
          {reportAction}
        </section>
      )}
      <RecentAccounts accounts={state.recent.value ?? []} onOpen={(key) => state.openAccount(key)} />
      {(onOpenSettings || (report && noticeKind === 'hint')) && (
        <p class="small footer-menu">
          {onOpenSettings && (
            <button type="button" class="link" onClick={onOpenSettings} data-testid="open-settings">
              {t('glance.settings')}
            </button>
          )}
          {report && noticeKind === 'hint' && (
            <button type="button" class="link" onClick={() => void report.run()} data-testid="report-page-button">
              {t('glance2.report')}
            </button>
          )}
        </p>
      )}
      {report && noticeKind === 'hint' && <ReportResultLine report={report} />}
    </main>
  );
}
