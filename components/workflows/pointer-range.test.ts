import { describe, expect, it } from 'vitest';
import { rangeOfPointer } from './pointer-range';

const text = `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Nxt": "B", "Next": "Nowhere" },
    "a/b": { "Type": "Wait" },
    "B": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "NumericEquals": "1", "Next": "A" }] }
  }
}`;
const at = (pointer: string, code?: string) => {
  const { from, to } = rangeOfPointer(text, pointer, code);
  return text.slice(from, to);
};

describe('rangeOfPointer', () => {
  it('underlines a value at the value', () => {
    expect(at('/States/A/Next', 'UNKNOWN_STATE')).toBe('"Nowhere"');
    expect(at('/States/B/Choices/0/NumericEquals', 'INVALID_TYPE')).toBe('"1"');
  });
  it('underlines an unknown field at its key', () => {
    expect(at('/States/A/Nxt', 'UNKNOWN_FIELD')).toBe('"Nxt"');
  });
  it('underlines a missing field at the key of the object that lacks it, escaped names included', () => {
    expect(at('/States/a~1b/Seconds', 'MISSING_FIELD')).toBe('"a/b"');
    expect(at('/States/A', 'SCHEMA_VALIDATION_FAILED')).toBe('"A"');
  });
  it('falls back to the start for the whole document or unreadable text', () => {
    expect(at('', 'INVALID_JSON')).toBe('{');
    expect(rangeOfPointer('', '/x')).toEqual({ from: 0, to: 0 });
  });
});
