/**
 * The table-driven core: checks an object against its ObjectSpec — unknown fields, fields of
 * the other query language, required fields, exclusive groups, then each value.
 */
import { type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import type { FieldSpec, ObjectSpec } from './field-spec';
import { type JsonRecord, hasOwn } from './json-type';
import { joinPointer } from './pointer';
import { languageMismatchMessage } from './query-language';
import { checkFieldValue } from './values';

/** True when a field applies in `language`. */
function appliesIn(spec: FieldSpec | undefined, language: QueryLanguage): boolean {
  return spec !== undefined && (spec.language === undefined || spec.language === language);
}

/** Checks every member of `object` and the presence rules of `spec`. */
export function checkObject(
  object: JsonRecord,
  spec: ObjectSpec,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  for (const [key, value] of Object.entries(object)) {
    const fieldPath = joinPointer(path, key);
    const field = hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    const misplaced = spec.misplaced && hasOwn(spec.misplaced, key) ? spec.misplaced[key] : undefined;
    if (misplaced) report(ctx, fieldPath, misplaced.code, misplaced.message);
    else if (!field)
      report(
        ctx,
        fieldPath,
        DiagnosticCode.UNKNOWN_FIELD,
        `${JSON.stringify(key)} is not a field of ${spec.what}.`,
      );
    else if (!appliesIn(field, language))
      report(ctx, fieldPath, DiagnosticCode.QUERY_LANGUAGE_MISMATCH, languageMismatchMessage(key, language));
    else checkFieldValue(key, value, field, fieldPath, ctx, language);
  }
  checkRequired(object, spec, path, ctx, language);
  checkExclusive(object, spec, path, ctx, language);
}

function checkRequired(
  object: JsonRecord,
  spec: ObjectSpec,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  for (const [key, field] of Object.entries(spec.fields)) {
    if (field.required && appliesIn(field, language) && !hasOwn(object, key)) {
      report(ctx, path, DiagnosticCode.MISSING_FIELD, `${spec.what} must have ${JSON.stringify(key)}.`);
    }
  }
}

/** `End: false` counts as absent, so `{ "Next": "X", "End": false }` is fine. */
function isPresent(object: JsonRecord, key: string): boolean {
  return hasOwn(object, key) && object[key] !== false;
}

function checkExclusive(
  object: JsonRecord,
  spec: ObjectSpec,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  for (const group of spec.exclusive ?? []) {
    const fields = group.fields.filter((key) => appliesIn(spec.fields[key], language));
    const present = fields.filter((key) => isPresent(object, key));
    const names = fields.map((key) => JSON.stringify(key));
    if (present.length > 1) {
      const [first, ...rest] = present;
      for (const key of rest) {
        report(
          ctx,
          joinPointer(path, key),
          DiagnosticCode.CONFLICTING_FIELDS,
          `${spec.what} cannot have both ${JSON.stringify(first)} and ${JSON.stringify(key)}.`,
        );
      }
    } else if (present.length === 0 && group.required && fields.length > 0) {
      const choice =
        names.length === 2 ? `either ${names.join(' or ')}` : `exactly one of ${names.join(', ')}`;
      report(ctx, path, DiagnosticCode.MISSING_FIELD, `${spec.what} must have ${choice}.`);
    }
  }
}
