import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, HTTP_STATUS_OF_ERROR, type Result } from '../../src-shared/contract/index.js';
import type { Invoker } from '../ipc/handler-registry.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export const HTTP_STATUS = HTTP_STATUS_OF_ERROR;

/** Every answer on /ipc is a Result, so the bridge reads refusals the same way as failures. */
export function sendResult(res: ServerResponse, result: Result<unknown>, status?: number): void {
  const body = JSON.stringify(result);
  res.writeHead(status ?? (result.ok ? 200 : HTTP_STATUS[result.error.code]), {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes; beyond that it throws and leaves the rest unread. */
function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      reject(new BodyTooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** Answers 413, then drains a little of the rest so the client can read the answer. */
function refuseOversized(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('connection', 'close');
  sendResult(res, err('invalid_input', `A call's body may be at most ${MAX_BODY_BYTES} bytes.`), 413);
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > 16 * MAX_BODY_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** `POST /ipc/<channel>` with `{ "input": … }`: the browser host's form of one IPC call. */
export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  invoke: Invoker,
) {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendResult(res, err('invalid_input', 'Calls are made with POST.'), 405);
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return sendResult(res, err('invalid_input', 'A call must be sent as application/json.'), 415);
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    return refuseOversized(req, res);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return sendResult(res, err('invalid_input', 'The body is not valid JSON.'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return sendResult(res, err('invalid_input', 'The body must be a JSON object: { "input": … }.'));
  }
  sendResult(res, await invoke(channel, (body as { input?: unknown }).input));
}
