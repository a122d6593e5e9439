/**
 * A light check of an `approval` Task's payload (DESIGN.md §4): Approvers present, Policy.Mode
 * any|all|quorum with Count for quorum, OnReject fail|output. Each field may be computed
 * (`"Name.$"` in JSONPath, `"{% … %}"` in JSONata), and a computed field is not inspected.
 */
import { type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { isJsonataString } from './expressions';
import { type JsonRecord, hasOwn, isRecord, jsonTypeOf, quote } from './json-type';
import { joinPointer } from './pointer';

const approvalModes = ['any', 'all', 'quorum'] as const;
const rejectModes = ['fail', 'output'] as const;

/** The field's static value, or `computed` when an expression produces it, or `absent`. */
type Field = { kind: 'static'; value: unknown } | { kind: 'computed' } | { kind: 'absent' };

function readField(payload: JsonRecord, name: string): Field {
  if (hasOwn(payload, `${name}.$`)) return { kind: 'computed' };
  if (!hasOwn(payload, name)) return { kind: 'absent' };
  return isJsonataString(payload[name]) ? { kind: 'computed' } : { kind: 'static', value: payload[name] };
}

export function checkApprovalPayload(
  state: JsonRecord,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  const field = language === 'JSONata' ? 'Arguments' : 'Parameters';
  const payload = state[field];
  if (payload === undefined) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_APPROVAL,
      `an approval Task needs ${JSON.stringify(field)} with at least "Approvers".`,
    );
    return;
  }
  if (!isRecord(payload)) {
    // Parameters may be any JSON value elsewhere; an approval needs an object. (A JSONata
    // `{% … %}` payload is computed, and other Arguments types are reported by fields.ts.)
    if (field === 'Parameters')
      report(
        ctx,
        joinPointer(path, field),
        DiagnosticCode.INVALID_APPROVAL,
        `an approval Task's "Parameters" must be an object with at least "Approvers", not ${jsonTypeOf(payload)}.`,
      );
    return;
  }
  const payloadPath = joinPointer(path, field);
  checkApprovers(readField(payload, 'Approvers'), payloadPath, ctx);
  checkEnum(
    readField(payload, 'OnReject'),
    'OnReject',
    rejectModes,
    joinPointer(payloadPath, 'OnReject'),
    ctx,
  );
  const policy = readField(payload, 'Policy');
  if (policy.kind === 'static' && isRecord(policy.value))
    checkPolicy(policy.value, joinPointer(payloadPath, 'Policy'), ctx);
  else if (policy.kind === 'static')
    report(
      ctx,
      joinPointer(payloadPath, 'Policy'),
      DiagnosticCode.INVALID_APPROVAL,
      '"Policy" must be an object such as { "Mode": "any" }.',
    );
}

function checkApprovers(approvers: Field, payloadPath: string, ctx: ValidationContext): void {
  if (approvers.kind === 'absent') {
    report(
      ctx,
      payloadPath,
      DiagnosticCode.INVALID_APPROVAL,
      'an approval needs "Approvers": emails, group:NAME entries or outside addresses.',
    );
  } else if (approvers.kind === 'static') {
    const value = approvers.value;
    const ok =
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((a) => typeof a === 'string' && a.trim() !== '');
    if (!ok)
      report(
        ctx,
        joinPointer(payloadPath, 'Approvers'),
        DiagnosticCode.INVALID_APPROVAL,
        '"Approvers" must be a non-empty array of non-empty strings.',
      );
  }
}

function checkEnum(
  field: Field,
  name: string,
  allowed: readonly string[],
  path: string,
  ctx: ValidationContext,
): boolean {
  if (field.kind !== 'static' || allowed.includes(field.value as string)) return true;
  report(
    ctx,
    path,
    DiagnosticCode.INVALID_APPROVAL,
    `${JSON.stringify(name)} must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, not ${quote(JSON.stringify(field.value))}.`,
  );
  return false;
}

function checkPolicy(policy: JsonRecord, path: string, ctx: ValidationContext): void {
  const mode = readField(policy, 'Mode');
  checkEnum(mode, 'Mode', approvalModes, joinPointer(path, 'Mode'), ctx);
  const count = readField(policy, 'Count');
  const quorum = mode.kind === 'static' && mode.value === 'quorum';
  if (quorum && count.kind === 'absent') {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_APPROVAL,
      'a "quorum" policy needs "Count", the number of approvals required.',
    );
  } else if (count.kind === 'static' && !(Number.isInteger(count.value) && (count.value as number) >= 1)) {
    report(
      ctx,
      joinPointer(path, 'Count'),
      DiagnosticCode.INVALID_APPROVAL,
      `"Count" must be a positive integer, not ${quote(JSON.stringify(count.value))}.`,
    );
  } else if (count.kind !== 'absent' && mode.kind === 'static' && !quorum) {
    report(
      ctx,
      joinPointer(path, 'Count'),
      DiagnosticCode.INVALID_APPROVAL,
      `"Count" only applies to the "quorum" mode, not ${quote(mode.value)}.`,
      'WARNING',
    );
  }
}
