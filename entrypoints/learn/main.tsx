// Learn's entry script: only the first frame (components/learn/first-frame.ts, no imports), so it
// runs as soon as the page is parsed; the page itself (app.tsx, with Dexie, Preact, the strings)
// loads right after and renders over that frame.
import '../../components/learn/learn.css';
import { afterNextPaint, buildVersion, drawFirstFrame, holdInput, saveFrame, usableFrame } from '../../components/learn/first-frame';

// Marks for the bench's breakdown (scripts/lib/bench-learn.ts): the entry script runs, the stored frame is drawn.
performance.mark('learn:script');
const view = new URLSearchParams(location.search).get('view');
const build = buildVersion();
let framed = false;
try {
  // Only the cards view has a stored frame; a link to the quiz or My progress loads as it is.
  const frame = view === null || view === 'cards' ? usableFrame(localStorage, Date.now(), build) : undefined;
  framed = frame !== undefined && drawFirstFrame(document.getElementById('app')!, frame);
} catch {
  // localStorage disabled: the page loads without a frame.
}
if (framed) performance.mark('learn:frame');
const held = framed ? holdInput(document) : undefined;
// The frame is painted before the page's code starts loading (see afterNextPaint).
if (framed) await afterNextPaint();
const { startLearn } = await import('./app');
// The page keeps the next frame through this module (saveFrame), so it stays in this chunk alone.
await startLearn({ framed, held, saveFrame: (root, meta) => saveFrame(localStorage, build, root, meta) });
