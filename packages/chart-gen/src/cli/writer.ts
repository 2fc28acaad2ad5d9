/** Where the CLI prints: process.stdout/stderr, or a buffer in tests. */
export interface Writer {
  write(text: string): unknown;
}
