/** A small fetch wrapper for the register tests: status, headers and the parsed JSON (if any). */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Uint8Array;
}

export async function call<T = unknown>(
  baseUrl: string,
  path: string,
  options: { method?: string; token?: string; json?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.rawBody !== undefined) body = options.rawBody;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.startsWith('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson ? JSON.parse(new TextDecoder().decode(bytes)) : undefined) as T,
    bytes,
  };
}
