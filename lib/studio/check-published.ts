// "Does the published URL work for a rep?": the lead's browser fetches it with the same rules
// the extension's background uses (HTTPS, status, type, size, HTML refused, the schema, the
// signature at <url>.sig), with no cookies, as a policy-pushed fetch would be made. The page
// has no host permission for the address, so the host's CORS header is tested too.
import { checkPlaybookUrl, checkResponse, signatureUrl, type ResponseProblem } from '../playbook/fetch-rules';
import { loadPlaybookBytes } from '../playbook/migrate';
import { verifyPlaybookSignature } from '../playbook/signature';

export type PublishedCheck =
  | { ok: true; version: string; signature: 'valid' | 'not-checked' }
  | { ok: false; code: 'bad-url' | 'unreachable' | 'invalid' | 'unsigned' | 'bad-signature'; detail: string }
  | { ok: false; code: 'response'; problem: ResponseProblem | 'unexpected'; detail: string };

export interface CheckDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
  /** Tests only: accept http://localhost. */
  allowInsecureLocal?: boolean;
}

/** Fetches `url` (and its .sig when a public key is given) and checks both as a rep's extension would. */
export async function checkPublished(url: string, publicKey: string, deps: CheckDeps): Promise<PublishedCheck> {
  const rules = { allowInsecureLocal: deps.allowInsecureLocal };
  const checked = checkPlaybookUrl(url.trim(), rules);
  if (!checked.ok) return { ok: false, code: 'bad-url', detail: checked.message };
  const init: RequestInit = { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: AbortSignal.timeout(deps.timeoutMs ?? 20_000) };
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await deps.fetch(checked.url, init);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    // A CORS refusal and a network failure look the same to a page: both are a TypeError.
    return { ok: false, code: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  const verdict = checkResponse(
    {
      url: checked.url,
      finalUrl: response.url || checked.url,
      status: response.status,
      contentType: response.headers.get('content-type'),
      byteLength: bytes.byteLength,
      bodyStart: new TextDecoder().decode(bytes.subarray(0, 256)),
    },
    rules,
  );
  if (verdict.kind === 'error') return { ok: false, code: 'response', problem: verdict.problem, detail: verdict.message };
  if (verdict.kind !== 'accept') return { ok: false, code: 'response', problem: 'unexpected', detail: `HTTP ${response.status}` };
  const parsed = loadPlaybookBytes(bytes);
  if (!parsed.ok) return { ok: false, code: 'invalid', detail: parsed.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ') };
  if (!publicKey.trim()) return { ok: true, version: parsed.playbook.version, signature: 'not-checked' };
  let signature: string;
  try {
    const answer = await deps.fetch(signatureUrl(checked.url), init);
    signature = answer.ok ? (await answer.text()).trim() : '';
  } catch {
    signature = '';
  }
  if (!signature) return { ok: false, code: 'unsigned', detail: signatureUrl(checked.url) };
  if (!(await verifyPlaybookSignature(bytes, signature, publicKey.trim()))) return { ok: false, code: 'bad-signature', detail: signatureUrl(checked.url) };
  return { ok: true, version: parsed.playbook.version, signature: 'valid' };
}
