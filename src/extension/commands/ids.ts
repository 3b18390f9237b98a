// Every command Corpus Lens contributes, each id written once. It imports nothing, so that a plain
// Node unit test can check it against package.json.

export const COMMANDS = {
  openExplorer: 'corpusLens.openExplorer',
  toggleDecorations: 'corpusLens.toggleDecorations',
  chooseDecoratedTypes: 'corpusLens.chooseDecoratedTypes',
  nextMention: 'corpusLens.nextMention',
  previousMention: 'corpusLens.previousMention',
  showMentions: 'corpusLens.showMentions',
  filterTree: 'corpusLens.filterTree',
  clearTreeFilter: 'corpusLens.clearTreeFilter',
  toggleTreeTypes: 'corpusLens.toggleTreeTypes',
  groupTreeByDocument: 'corpusLens.groupTreeByDocument',
  groupTreeByType: 'corpusLens.groupTreeByType',
  sortTreeByName: 'corpusLens.sortTreeByName',
  sortTreeByCount: 'corpusLens.sortTreeByCount',
  openMention: 'corpusLens.openMention',
  revealInTree: 'corpusLens.revealInTree',
  showEntityMentions: 'corpusLens.showEntityMentions',
  copyEntityName: 'corpusLens.copyEntityName',
  openEntityInExplorer: 'corpusLens.openEntityInExplorer',
  chooseCorpusFolder: 'corpusLens.chooseCorpusFolder',
  changeEntityType: 'corpusLens.changeEntityType',
  notAnEntity: 'corpusLens.notAnEntity',
  addEntity: 'corpusLens.addEntity',
  mergeEntities: 'corpusLens.mergeEntities',
  splitAlias: 'corpusLens.splitAlias',
  undoCorrection: 'corpusLens.undoCorrection',
  export: 'corpusLens.export',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
