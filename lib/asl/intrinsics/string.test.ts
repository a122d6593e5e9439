import { describe, expect, it } from 'vitest';
import { failure, run } from './test-scope';

describe('States.Format', () => {
  it('fills placeholders from literals, paths and calls', () => {
    expect(run("States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' })).toBe(
      'Hello, my name is Arnav.',
    );
    expect(
      run('States.Format($.template, $.name)', { template: 'Hello, my name is {}.', name: 'Arnav' }),
    ).toBe('Hello, my name is Arnav.');
    expect(run("States.Format('{}-{}', States.MathAdd(1, 2), 'x')")).toBe('3-x');
    expect(run("States.Format('no placeholders')")).toBe('no placeholders');
  });

  it('renders values as AWS does: strings bare, objects as {k=v}, arrays as [a, b]', () => {
    const input = { o: { Arg1: 1, Arg2: [] }, a: [1, 'x', null, { k: true }], s: '', b: false, n: -2.5 };
    expect(run("States.Format('{}|{}|{}|{}|{}', $.o, $.a, $.s, $.b, $.n)", input)).toBe(
      '{Arg1=1, Arg2=[]}|[1, x, null, {k=true}]||false|-2.5',
    );
  });

  it('treats escaped braces in a literal template as text, not placeholders', () => {
    expect(run("States.Format('\\{\\} is {} and it\\'s \\\\ ok', 1)")).toBe("{} is 1 and it's \\ ok");
  });

  it('does not read escapes in a template that comes from a path', () => {
    expect(run('States.Format($.t, 1)', { t: 'a\\{}' })).toBe('a\\1');
  });

  it('fails when placeholders and values differ in number', () => {
    expect(failure("States.Format('{} {}', 1)")).toEqual({
      error: 'States.IntrinsicFailure',
      cause:
        'Invalid arguments in States.Format: the template has 2 placeholder(s) but 1 value(s) were given',
    });
    expect(failure("States.Format('{}', 1, 2)").error).toBe('States.IntrinsicFailure');
  });

  it('fails when the template is not a string', () => {
    expect(failure('States.Format(1)').cause).toBe(
      'Invalid arguments in States.Format: argument 1 must be a string, but got number',
    );
  });
});

describe('States.StringSplit', () => {
  it.each([
    ['1,2,3,4,5', ',', ['1', '2', '3', '4', '5']],
    ['This.is+a,test=string', '.+,=', ['This', 'is', 'a', 'test', 'string']],
    ['a,,b,', ',', ['a', 'b']],
    ['', ',', []],
    ['abc', '', ['abc']],
    ['Hello\nWorld', '\n', ['Hello', 'World']],
    ['x🆗y', '🆗', ['x', 'y']],
  ])('splits %j on any of %j', (text, delimiters, expected) => {
    expect(run('States.StringSplit($.t, $.d)', { t: text, d: delimiters })).toEqual(expected);
  });

  it('works on literals and rejects non-strings', () => {
    expect(run("States.StringSplit('a b', ' ')")).toEqual(['a', 'b']);
    expect(failure('States.StringSplit(1, $.d)', { d: ',' }).cause).toBe(
      'Invalid arguments in States.StringSplit: argument 1 must be a string, but got number',
    );
  });
});
