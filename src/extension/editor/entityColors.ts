// The colour of each entity type, as theme colours contributed in package.json
// (`contributes.colors`), so that themes and `workbench.colorCustomizations` can change them.
// This table is the source of those contributions: package.json repeats it (an in-host test
// checks that the two agree).
//
// Backgrounds are translucent so the editor's own text colour stays readable on them;
// foregrounds (text style, underline style) are dark on light themes and light on dark ones.

import { ENTITY_TYPES, EntityType } from '../../core/types';

export interface ColorDefaults {
  light: string;
  dark: string;
  highContrast: string;
  highContrastLight: string;
}

export interface EntityPalette {
  background: ColorDefaults;
  foreground: ColorDefaults;
}

/** What each type means, in words (the hover and the colour descriptions say it as text). */
export const TYPE_DESCRIPTIONS: Record<EntityType, string> = {
  PERSON: 'person',
  ORG: 'organisation',
  PLACE: 'place',
  NORP: 'nationality, religious or political group',
  MISC: 'other proper name',
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
  MONEY: 'amount of money',
  PERCENT: 'percentage',
  CARDINAL: 'number',
  ORDINAL: 'ordinal',
  URL: 'web address',
  EMAIL: 'e-mail address',
  HASHTAG: 'hashtag',
  MENTION: 'social-media handle',
  EMOJI: 'emoji',
  EMOTICON: 'emoticon',
};

/** [light fg, light bg, dark fg, dark bg] per type; high-contrast values derive from them. */
const BASE: Record<EntityType, [string, string, string, string]> = {
  PERSON: ['#1a5f96', '#1f77b42e', '#7cc0ff', '#4aa3ff40'],
  ORG: ['#a35200', '#ff8c0033', '#ffb366', '#ff8c0040'],
  PLACE: ['#1e7b34', '#2ca02c2e', '#7bd88f', '#2ca02c45'],
  NORP: ['#6f42c1', '#9467bd33', '#c5a3ff', '#9467bd50'],
  MISC: ['#0f6f6f', '#17becf33', '#6fdede', '#17becf40'],
  DATE: ['#b0244a', '#d6275626', '#ff8fab', '#d6275645'],
  TIME: ['#9c2b8f', '#e377c233', '#f0a6e6', '#e377c245'],
  DURATION: ['#7a4a40', '#8c564b2e', '#d9a38f', '#c49c9440'],
  MONEY: ['#6b5d00', '#bcbd2240', '#e6dc6e', '#bcbd2245'],
  PERCENT: ['#8a5a00', '#e6a11740', '#ffcc66', '#e6a11740'],
  CARDINAL: ['#555555', '#7f7f7f2e', '#bbbbbb', '#a0a0a040'],
  ORDINAL: ['#44556b', '#6b7f992e', '#a9b8cc', '#8899b040'],
  URL: ['#3f51b5', '#3f51b526', '#9fa8ff', '#5c6bc045'],
  EMAIL: ['#5c3fb5', '#5c3fb526', '#b9a6ff', '#7e57c245'],
  HASHTAG: ['#00695c', '#00968826', '#64d8cb', '#00968845'],
  MENTION: ['#ad1457', '#ad145726', '#ff80ab', '#ec407a45'],
  EMOJI: ['#6d6400', '#cddc3933', '#e6ee9c', '#cddc3940'],
  EMOTICON: ['#6d6400', '#cddc3933', '#e6ee9c', '#cddc3940'],
};

export const ENTITY_PALETTE: Record<EntityType, EntityPalette> = Object.fromEntries(
  ENTITY_TYPES.map(type => {
    const [lightFg, lightBg, darkFg, darkBg] = BASE[type];
    return [type, {
      background: { light: lightBg, dark: darkBg, highContrast: `${darkBg.slice(0, 7)}66`, highContrastLight: `${lightBg.slice(0, 7)}40` },
      foreground: { light: lightFg, dark: darkFg, highContrast: darkFg, highContrastLight: lightFg },
    }];
  }),
) as Record<EntityType, EntityPalette>;

/** `corpusLens.person.background` and so on. */
export function colorId(type: EntityType, part: 'background' | 'foreground'): string {
  return `corpusLens.${type.toLowerCase()}.${part}`;
}

/** The `contributes.colors` entries of package.json. */
export function colorContributions(): Array<{ id: string; description: string; defaults: ColorDefaults }> {
  return ENTITY_TYPES.flatMap(type => [
    {
      id: colorId(type, 'background'),
      description: `Background of ${type} (${TYPE_DESCRIPTIONS[type]}) mentions when corpusLens.decorations.style is "background". Keep it translucent so text stays readable.`,
      defaults: ENTITY_PALETTE[type].background,
    },
    {
      id: colorId(type, 'foreground'),
      description: `Text and underline colour of ${type} (${TYPE_DESCRIPTIONS[type]}) mentions when corpusLens.decorations.style is "text" or "underline".`,
      defaults: ENTITY_PALETTE[type].foreground,
    },
  ]);
}
