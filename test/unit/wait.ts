/**
 * Waits until `read` gives a truthy value (awaited when it is a promise) and returns it.
 * A hang guard, not a speed check: on a busy 2-core machine the Dexie write → liveQuery →
 * render chain can take seconds, so only 15 s without the value fails the test.
 */
export async function until<T>(read: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
