/**
 * The definition editor's look, one theme for light and dark: every colour is a palette
 * variable that globals.css turns over in the dark, so both read well (the stock one-dark
 * theme's token colours fail WCAG contrast on its background).
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const base = EditorView.theme({
  '&': { backgroundColor: 'var(--color-white)', color: 'var(--color-slate-900)' },
  '.cm-content': { caretColor: 'var(--color-slate-900)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-slate-900)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-slate-50)',
    color: 'var(--color-slate-600)',
    borderRight: '1px solid var(--color-slate-200)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in oklab, var(--color-blue-100) 45%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--color-slate-100)', color: 'var(--color-slate-900)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--color-blue-200)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-white)',
    color: 'var(--color-slate-900)',
    border: '1px solid var(--color-slate-300)',
  },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--color-slate-100)', color: 'var(--color-slate-700)' },
});

const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: 'var(--color-blue-800)' },
  { tag: t.string, color: 'var(--color-green-800)' },
  { tag: t.number, color: 'var(--color-orange-800)' },
  { tag: [t.bool, t.null], color: 'var(--color-violet-800)' },
  { tag: t.invalid, color: 'var(--color-red-700)' },
]);

export const editorTheme = [base, syntaxHighlighting(highlight)];
