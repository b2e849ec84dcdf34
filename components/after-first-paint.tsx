import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Renders its children one frame after it first appears. A rep glancing at the panel needs its
 * top first (the account, the segment, the persona, "For this call"); the cards below the fold
 * are built once that top has been painted, so they never hold it back. While it stays mounted
 * (the rep moves between accounts) it renders at once.
 */
export function AfterFirstPaint({ children }: { children: ComponentChildren }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => (timer = setTimeout(() => setPainted(true)));
    // requestAnimationFrame runs just before the frame is painted, and a task queued from it runs
    // after. A hidden page paints no frames (and runs no animation frames): it just takes a task.
    const frame = document.visibilityState === 'hidden' ? undefined : requestAnimationFrame(show);
    if (frame === undefined) show();
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted ? <>{children}</> : null;
}
