import { yamlHeader } from './header';

/** .helmignore: keeps tests, CI values and editor files out of packaged charts. */
export function helmignore(): string {
  return `${yamlHeader}# Patterns of files left out of the packaged chart.
.DS_Store
.git/
.gitignore
*.swp
*.bak
*.tmp
*.orig
*~
.idea/
.vscode/
tests/
project.json
ci/
`;
}
