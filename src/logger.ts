/** How flows talk: the action maps this onto @actions/core (groups, warnings), the CLI onto stderr. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export const consoleLogger = (write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger => ({
  info: write,
  warn: (message) => write(`warning: ${message}`),
  async group(title, fn) {
    write(`── ${title}`);
    return fn();
  },
});
