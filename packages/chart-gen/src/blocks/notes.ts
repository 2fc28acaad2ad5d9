import { type ChartContext, claimName } from './context';
import { generatedHeader } from './text';

/** NOTES.txt: what was installed and how to reach it; `body` is Helm template text. */
export function notes(body: string): string {
  return `${generatedHeader()}
${body.trim()}
`;
}

/** NOTES.txt lines on the data claim: kept on uninstall, or lost on restart when persistence is off. */
export function persistenceNote(ctx: ChartContext): string {
  return `{{- if and .Values.persistence.enabled .Values.persistence.keepOnUninstall }}

The data claim ${claimName(ctx)} is kept on uninstall; delete it by hand to free the data.
{{- else if not .Values.persistence.enabled }}

WARNING: persistence is disabled; data is lost when the pod restarts.
{{- end }}`;
}
