// The decision editor (issue 8): RichTextEditor and what the draft screen needs around it.
export { RichTextEditor, editorDoc, type RichTextEditorProps } from './components/rich-text-editor';
export { EditorToolbar, type EditorToolbarProps } from './components/editor-toolbar';
export { countNumbered } from './lib/count-numbered';
export { citationProblem, guessCitationKind, normaliseReference, type CitationProblem } from './lib/citation';
export { richTextExtensions, type RichTextExtensionOptions } from './extensions';
