/**
 * Values that are a stand-in, not a credential: sealing one would commit a guessable "secret" that looks real.
 * Returns why, without the value.
 */
const PLACEHOLDERS =
  /^(changeme|change[-_ ]?me|change[-_ ]?it|password\d*|passw0rd|secret|placeholder|example|dummy|todo|tbd|fixme|xxx+|\*+|123456\d*|none|null|undefined)$/i;

export function placeholderReason(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'the value is empty';
  if (PLACEHOLDERS.test(text)) return 'the value is a placeholder (changeme, password, xxx …)';
  if (/^<[^>]*>$|^\$\{[^}]*\}$|^\{\{.*\}\}$|^%[^%]*%$/.test(text)) return 'the value is a template placeholder';
  if (/^(replace|your)[-_ ]?(me|this|password|secret|value|key)/i.test(text)) return 'the value asks to be replaced';
  if (/^(.)\1*$/.test(text)) return 'the value repeats one character';
  return undefined;
}
