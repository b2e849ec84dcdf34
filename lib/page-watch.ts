/**
 * Decides when the content script reads the page and when it reports.
 *
 * CRMs are single-page apps: the URL changes first, the record renders a moment
 * later, and some fields arrive later still. So after a load or a navigation we
 * watch the DOM for a short "settling" window, read after each quiet moment,
 * and report only what changed. Outside that window nothing observes the page,
 * so a busy CRM pays nothing for us.
 */
export interface PageWatchOptions<R> {
  /** What to observe while settling (document.body): it outlives the app's re-renders. */
  root: () => Node | null;
  /**
   * The record's container, when the site has one: once the new record has
   * rendered, only changes inside it trigger a read. Resolved on every change,
   * because routers replace it.
   */
  scope?: () => Node | null;
  /**
   * What a report says about the page apart from where it is (URL, record id):
   * right after a navigation, a read whose identity differs from the last
   * report shows the new record already, and is reported at once.
   */
  identity?: (report: R) => string;
  /** Read the page now; must be cheap and never throw. */
  inspect: () => R;
  /** A found record is reported at once; "not found" waits until the page settles. */
  isFound: (report: R) => boolean;
  send: (report: R) => void;
  signal: AbortSignal;
  /** Quiet time after a DOM change before reading. */
  quietMs?: number;
  /** How long after a navigation late fields are still awaited. */
  settleMs?: number;
  /** After a navigation, read even if the DOM has not changed by then. */
  staleDomMs?: number;
}

export interface PageWatch {
  /** The URL changed inside the app: the DOM may still show the previous record. */
  navigated(): void;
  /** Report now, even if nothing changed (the panel asked); a page still settling reports only a found record. */
  readNow(): void;
}

export function watchPage<R>(options: PageWatchOptions<R>): PageWatch {
  const { root, inspect, isFound, send, signal } = options;
  const quietMs = options.quietMs ?? 60;
  const settleMs = options.settleMs ?? 4000;
  const staleDomMs = options.staleDomMs ?? 800;

  let lastSent: string | undefined;
  let settling = false;
  let awaitingFreshDom = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;

  const identity = options.identity ?? ((value: R) => JSON.stringify(value));
  let lastIdentity: string | undefined;
  /**
   * Reads in a row that found nothing new. A record with a live feed inside
   * (a timeline, a chat) mutates all the time; each unchanged read doubles the
   * quiet time asked for, so such a page is soon read only when it settles.
   */
  let unchangedReads = 0;

  const observer = new MutationObserver((records) => {
    if (!awaitingFreshDom) {
      const scope = options.scope?.();
      if (scope && !records.some((record) => scope.contains(record.target))) return;
    }
    awaitingFreshDom = false;
    clearTimeout(quietTimer);
    quietTimer = setTimeout(check, quietMs * 2 ** Math.min(unchangedReads, 5));
  });

  function report(value: R, force = false): void {
    const serialised = JSON.stringify(value);
    unchangedReads = serialised === lastSent ? unchangedReads + 1 : 0;
    if (!force && serialised === lastSent) return;
    lastSent = serialised;
    lastIdentity = identity(value);
    send(value);
  }

  function check(): void {
    if (signal.aborted || awaitingFreshDom) return;
    const value = inspect();
    if (isFound(value) || !settling) report(value);
  }

  function settle(): void {
    settling = true;
    const node = root();
    if (node) observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'title', 'href'] });
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      observer.disconnect();
      settling = false;
      awaitingFreshDom = false;
      check();
    }, settleMs);
  }

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(quietTimer);
    clearTimeout(settleTimer);
    clearTimeout(staleTimer);
  });

  settle();
  check();

  return {
    navigated() {
      if (signal.aborted) return;
      unchangedReads = 0;
      // Routers that render before they push the URL: the new record is on the page already.
      const now = inspect();
      if (isFound(now) && identity(now) !== lastIdentity) {
        report(now);
        settle();
        return;
      }
      awaitingFreshDom = true;
      clearTimeout(staleTimer);
      staleTimer = setTimeout(() => {
        awaitingFreshDom = false;
        check();
      }, staleDomMs);
      settle();
    },
    readNow() {
      if (signal.aborted || awaitingFreshDom) return;
      const value = inspect();
      // While the page settles, "not found" may only mean "not rendered yet": the settle timer reports it.
      if (isFound(value) || !settling) report(value, true);
    },
  };
}
