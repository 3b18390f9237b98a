// Corrections: what a person fixed in the recogniser's output, kept in the workspace
// (CORRECTIONS_FILE) and applied to every document's analysis before it reaches the corpus index,
// so decorations, hovers, tree, panel, exports and the CLI all see them. The editor and the CLI
// share this module; its parts are below.

export * from './correctionList';
export * from './correctionsFile';
export { type CompiledCorrections, compileCorrections, compileCorrectionsInSlices } from './compileCorrections';
export { applyCorrections } from './applyCorrections';
