/**
 * The content script's lifetime, which a page cannot end.
 *
 * WXT's `ContentScriptContext` invalidates itself when the document receives
 * a `<extension id>:<script>:wxt:content-script-started` CustomEvent, its way
 * to stop the scripts of an older version after an update. The extension id
 * is public, so any page can dispatch that event and switch the reader off
 * (issue 14, defect 9); WXT only ignores the event a context sent itself
 * (wxt-dev/wxt#1364, #1938), and a content script cannot tell a page's
 * `dispatchEvent` from another script's (`isTrusted` is false for both).
 *
 * So the reader does not live by WXT's context but by this one, which ends
 * only when
 * - the extension itself is gone (updated, reloaded or removed: the orphaned
 *   script's `runtime.id` is undefined), checked whenever the reader uses it
 *   and whenever WXT's context says it ended; or
 * - a newer instance of the same script starts in the same isolated world,
 *   which shares this script's globals and which no page can reach.
 *
 * It also watches the URL itself (`wxt:locationchange`), since WXT's
 * location watcher stops with WXT's context.
 */
import type { ContentContext } from './start';

export interface HostContext {
  /** WXT's context: its end is a hint, confirmed with `extensionAlive`. */
  onInvalidated(callback: () => void): void;
}

export interface OwnContextOptions {
  /** The content script's name (`gmail`): one live instance per name and frame. */
  name: string;
  /** Whether the extension that injected the script still exists (`browser.runtime.id != null`). */
  extensionAlive: () => boolean;
  host?: HostContext;
  /** How often the URL is compared without the Navigation API. */
  pollMs?: number;
}

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void, options?: { signal?: AbortSignal }): void;
}

const LIVE = Symbol.for('playcard:content-script');

type Registry = Record<string, AbortController | undefined>;

export function ownContext(options: OwnContextOptions): ContentContext {
  const { name, extensionAlive } = options;
  const controller = new AbortController();
  // Globals of the isolated world: the page's scripts never see them.
  const scope = globalThis as unknown as { [LIVE]?: Registry };
  const registry = (scope[LIVE] ??= {});
  registry[name]?.abort();
  registry[name] = controller;
  const end = () => {
    if (registry[name] === controller) delete registry[name];
    controller.abort();
  };
  const confirm = () => {
    if (!controller.signal.aborted && !extensionAlive()) end();
  };
  options.host?.onInvalidated(confirm);

  return {
    signal: controller.signal,
    get isInvalid() {
      confirm();
      return controller.signal.aborted;
    },
    addEventListener(target, type, handler) {
      if (type !== 'wxt:locationchange') return;
      let last = target.location.href;
      const changed = (next: string) => {
        if (next === last) return;
        last = next;
        confirm();
        if (!controller.signal.aborted) handler();
      };
      const navigation = (target as unknown as { navigation?: NavigationLike }).navigation;
      if (typeof navigation?.addEventListener === 'function') {
        // Fires inside pushState, before the URL changes, as WXT's event does.
        navigation.addEventListener('navigate', (event) => changed(event.destination.url), { signal: controller.signal });
        return;
      }
      const timer = setInterval(() => changed(target.location.href), options.pollMs ?? 1000);
      controller.signal.addEventListener('abort', () => clearInterval(timer));
    },
    onInvalidated(callback) {
      if (controller.signal.aborted) callback();
      else controller.signal.addEventListener('abort', callback);
    },
  };
}
