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
  PERSON: ['#1c6ba3', '#1f77b440', '#71b6e7', '#1f77b455'],
  ORG: ['#a74e00', '#ff7f0e40', '#ff9537', '#ff7f0e55'],
  PLACE: ['#217821', '#2ca02c40', '#37c837', '#2ca02c55'],
  NORP: ['#7e6405', '#f5c51840', '#f5c518', '#f5c51848'],
  MISC: ['#c92526', '#d6272840', '#ed9a9b', '#d6272855'],
  DATE: ['#ac22bd', '#c026d340', '#e292eb', '#c026d355'],
  TIME: ['#824eb2', '#9467bd40', '#c1a7d9', '#9467bd55'],
  DURATION: ['#6a6b13', '#bcbd2240', '#bcbd22', '#bcbd2255'],
  MONEY: ['#8c564b', '#8c564b40', '#cca79f', '#8c564b55'],
  PERCENT: ['#0e727c', '#17becf40', '#18c2d4', '#17becf55'],
  CARDINAL: ['#686868', '#7f7f7f40', '#afafaf', '#7f7f7f55'],
  ORDINAL: ['#57687f', '#6b7f9940', '#a4b1c1', '#6b7f9955'],
  URL: ['#3f51b5', '#3f51b540', '#a4addf', '#3f51b555'],
  EMAIL: ['#5c3fb5', '#5c3fb540', '#b5a7e1', '#5c3fb555'],
  HASHTAG: ['#007268', '#00968840', '#00c4b2', '#00968855'],
  MENTION: ['#ad1457', '#ad145740', '#f291bb', '#ad145755'],
  EMOJI: ['#4e7029', '#7cb34240', '#89be50', '#7cb34255'],
  EMOTICON: ['#4e7029', '#7cb34240', '#89be50', '#7cb34255'],
};

export const ENTITY_PALETTE: Record<EntityType, EntityPalette> = Object.fromEntries(
  ENTITY_TYPES.map(type => {
    const [lightFg, lightBg, darkFg, darkBg] = BASE[type];
    return [
      type,
      {
        background: {
          light: lightBg,
          dark: darkBg,
          highContrast: `${darkBg.slice(0, 7)}66`,
          highContrastLight: `${lightBg.slice(0, 7)}40`,
        },
        foreground: { light: lightFg, dark: darkFg, highContrast: darkFg, highContrastLight: lightFg },
      },
    ];
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

/**
 * A disc in the type's text colour as an SVG data URI: the swatch of the quick pick that chooses
 * decorated types (a quick pick draws theme icons in one colour, whatever their ThemeColor).
 * High-contrast themes take the light or dark icon; their defaults are those colours too.
 */
export function swatchUri(type: EntityType, theme: 'light' | 'dark'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="6" fill="${ENTITY_PALETTE[type].foreground[theme]}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
