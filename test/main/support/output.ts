/** Everything written to the console and to stdout/stderr while capturing, passed through as well. */
export interface CapturedOutput {
  text(): string;
  stop(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((name) => console[name]);
  methods.forEach((name, index) => {
    console[name] = (...args: unknown[]) => {
      chunks.push(
        args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '),
      );
      originals[index]!.apply(console, args);
    };
  });
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (writes[index] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    text: () => chunks.join('\n'),
    stop() {
      methods.forEach((name, index) => {
        console[name] = originals[index]!;
      });
      streams.forEach((stream, index) => {
        stream.write = writes[index] as typeof stream.write;
      });
    },
  };
}
