/**
 * A Choice rule in words, for the edge it labels: `$.total > 1000`, `$.status == "ok" and
 * not ($.vip is present)`, a JSONata Condition as written. Pure.
 */

const OPERATORS: [suffix: string, words: string][] = [
  ['Equals', '=='],
  ['LessThanEquals', '<='],
  ['GreaterThanEquals', '>='],
  ['LessThan', '<'],
  ['GreaterThan', '>'],
  ['Matches', 'matches'],
];

const KINDS = ['String', 'Numeric', 'Boolean', 'Timestamp'] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The rule in words; `?` for a rule it cannot read. Long rules are cut to `max` characters. */
export function describeChoiceRule(rule: unknown, max = 60): string {
  const words = describe(rule);
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
}

function describe(rule: unknown): string {
  if (!isObject(rule)) return '?';
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  if (Array.isArray(rule.And)) return rule.And.map((r) => group(r)).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => group(r)).join(' or ');
  if (rule.Not !== undefined) return `not ${group(rule.Not)}`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'IsPresent') return `${variable} is ${value === false ? 'absent' : 'present'}`;
    if (key === 'IsNull') return `${variable} is ${value === false ? 'not null' : 'null'}`;
    const is = /^Is(String|Numeric|Boolean|Timestamp)$/.exec(key);
    if (is) return `${variable} is ${value === false ? 'not ' : ''}a ${is[1].toLowerCase()}`;
    const comparison = comparisonWords(key, value);
    if (comparison) return `${variable} ${comparison}`;
  }
  return '?';
}

function comparisonWords(key: string, value: unknown): string | undefined {
  const path = key.endsWith('Path');
  const base = path ? key.slice(0, -4) : key;
  const kind = KINDS.find((k) => base.startsWith(k));
  if (!kind) return undefined;
  const operator = OPERATORS.find(([suffix]) => base === `${kind}${suffix}`);
  if (!operator) return undefined;
  const shown = path || typeof value !== 'string' ? String(value) : JSON.stringify(value);
  return `${operator[1]} ${shown}`;
}

/** A nested rule, in parentheses when it joins several. */
function group(rule: unknown): string {
  const words = describe(rule);
  return isObject(rule) && (Array.isArray(rule.And) || Array.isArray(rule.Or)) ? `(${words})` : words;
}
