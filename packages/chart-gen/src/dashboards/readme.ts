import type { Dashboard } from './model';

/**
 * The dashboard's rows and their panels as Markdown bullets, for a chart's README: each row with its one-line
 * description, its panels nested below it.
 */
export function dashboardRowsMarkdown(dashboard: Dashboard): string {
  return dashboard.rows
    .map((row) =>
      [
        `- **${row.title}**: ${row.description}`,
        ...row.panels.map((panel) => `  - ${panel.title}: ${panel.description}`),
      ].join('\n'),
    )
    .join('\n');
}
