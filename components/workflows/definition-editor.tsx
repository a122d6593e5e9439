'use client';
/**
 * The definition editor: CodeMirror 6 with JSON highlighting, the validator of lib/asl running
 * in the browser as you type (each problem underlined at its JSON pointer's place and listed
 * below), the graph beside it redrawn from the text, and a test run of the draft. Saving goes
 * through the server action, which validates again.
 */
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorView, ViewPlugin } from '@codemirror/view';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { CircleAlert, CircleCheck, TriangleAlert } from 'lucide-react';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { validateDefinition, type Diagnostic } from '@/lib/asl/validate';
import { WorkflowGraph, type GraphProgress } from '@/components/graph/workflow-graph';
import { editorTheme } from './editor-theme';
import { rangeOfPointer } from './pointer-range';
import { TestRun } from './test-run';

interface DefinitionEditorProps {
  initial: string;
  /** the form field that carries the text to the server action */
  name?: string;
}

function toEditorDiagnostics(text: string, problems: Diagnostic[]): EditorDiagnostic[] {
  return problems.map((p) => {
    const { from, to } = rangeOfPointer(text, p.path, p.code);
    return {
      from: Math.min(from, text.length),
      to: Math.min(to, text.length),
      severity: p.severity === 'ERROR' ? 'error' : 'warning',
      message: p.message,
      source: p.path || 'definition',
    };
  });
}

const validationLinter = linter(
  (view) => {
    const text = view.state.doc.toString();
    const result = validateDefinition(text);
    return toEditorDiagnostics(text, [...result.errors, ...result.warnings]);
  },
  { delay: 250 },
);

const editorLabel = EditorView.contentAttributes.of({ 'aria-label': 'Definition (JSON)' });

/** The scroll area takes keyboard focus too, so a long definition scrolls without a mouse (axe: scrollable-region-focusable). */
const focusableScroller = ViewPlugin.define((view) => {
  view.scrollDOM.tabIndex = 0;
  return {};
});

export function DefinitionEditor({ initial, name = 'definition' }: DefinitionEditorProps) {
  const [text, setText] = useState(initial);
  const [progress, setProgress] = useState<GraphProgress | undefined>(undefined);
  const deferred = useDeferredValue(text);
  const result = useMemo(() => validateDefinition(deferred), [deferred]);
  const problems = [...result.errors, ...result.warnings];
  const editor = useRef<ReactCodeMirrorRef>(null);
  const extensions = useMemo(
    () => [json(), validationLinter, lintGutter(), editorLabel, focusableScroller, EditorView.lineWrapping],
    [],
  );

  function reveal(problem: Diagnostic) {
    const view = editor.current?.view;
    if (!view) return;
    const { from, to } = rangeOfPointer(view.state.doc.toString(), problem.path, problem.code);
    view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    view.focus();
  }

  return (
    <div className="space-y-4">
      <input type="hidden" name={name} value={text} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <div className="overflow-hidden rounded-lg border border-slate-300 text-sm">
            <CodeMirror
              ref={editor}
              value={text}
              height="60vh"
              minHeight="22rem"
              theme={editorTheme}
              extensions={extensions}
              onChange={(value) => {
                setText(value);
                setProgress(undefined);
              }}
              basicSetup={{ foldGutter: true, highlightActiveLine: true }}
            />
          </div>
          <ProblemList problems={problems} onReveal={reveal} />
        </div>
        <div className="min-w-0">
          <WorkflowGraph definition={deferred} progress={progress} label="Draft graph" />
        </div>
      </div>
      <TestRun definition={deferred} valid={result.ok} onProgress={setProgress} />
    </div>
  );
}

function ProblemList({ problems, onReveal }: { problems: Diagnostic[]; onReveal: (p: Diagnostic) => void }) {
  if (problems.length === 0)
    return (
      <p role="status" className="flex items-center gap-1.5 text-sm text-green-700">
        <CircleCheck aria-hidden className="size-4" /> No problems: the definition is valid.
      </p>
    );
  const errors = problems.filter((p) => p.severity === 'ERROR').length;
  return (
    <div role="status">
      <p className="text-sm font-medium text-slate-900">
        {errors} problem{errors === 1 ? '' : 's'}
        {problems.length > errors
          ? `, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`
          : ''}
      </p>
      <ul aria-label="Problems" className="mt-1 max-h-48 space-y-1 overflow-auto text-sm">
        {problems.map((p, i) => (
          <li key={`${p.path}:${p.code}:${i}`}>
            <button
              type="button"
              onClick={() => onReveal(p)}
              className="flex w-full items-start gap-1.5 rounded px-1 py-0.5 text-left hover:bg-slate-100"
            >
              {p.severity === 'ERROR' ? (
                <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
              ) : (
                <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
              )}
              <span>
                <code className="text-xs text-slate-600">{p.path || '/'}</code>{' '}
                <span className="text-slate-900">{p.message}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
