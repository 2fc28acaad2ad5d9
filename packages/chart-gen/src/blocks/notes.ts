import { generatedHeader } from './text';

/** NOTES.txt: what was installed and how to reach it; `body` is Helm template text. */
export function notes(body: string): string {
  return `${generatedHeader()}
${body.trim()}
`;
}
