// The type colours as contributed (their defaults in each kind of theme): readable, and told apart.
import * as assert from 'assert';
import { ENTITY_PALETTE, ColorDefaults } from '../../../src/extension/editor/entityColors';
import { ENTITY_TYPES, EntityType } from '../../../src/core/types';

type Rgb = [number, number, number];
type Theme = keyof ColorDefaults;

/** Each kind of theme's editor background and the editor text colours of its default themes. */
const THEMES: Record<Theme, { background: string; text: string[] }> = {
  light: { background: '#ffffff', text: ['#000000', '#3b3b3b'] }, // Light+, Light Modern
  dark: { background: '#1e1e1e', text: ['#d4d4d4', '#cccccc'] }, // Dark+, Dark Modern
  highContrast: { background: '#000000', text: ['#ffffff'] },
  highContrastLight: { background: '#ffffff', text: ['#292929'] },
};
/** The types decorated by default (package.json corpusLens.decorations.types). */
const DECORATED: EntityType[] = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'];

function parse(hex: string): { rgb: Rgb; alpha: number } {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return { rgb: [n(1), n(3), n(5)], alpha: hex.length === 9 ? n(7) / 255 : 1 };
}

/** A translucent colour as seen over an opaque background. */
function over(color: string, background: string): Rgb {
  const { rgb, alpha } = parse(color);
  const base = parse(background).rgb;
  return rgb.map((c, i) => c * alpha + base[i] * (1 - alpha)) as Rgb;
}

const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: Rgb) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE76 colour difference (in CIELAB, D65): about 2.3 is just noticeable, 25 is plainly another colour. */
function deltaE(a: Rgb, b: Rgb): number {
  const lab = ([r, g, b2]: Rgb) => {
    const [R, G, B] = [r, g, b2].map(linear);
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const [x, y, z] = [
      (R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047,
      R * 0.2126 + G * 0.7152 + B * 0.0722,
      (R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883,
    ].map(f);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('type colours (#17.5)', () => {
  for (const [theme, { background, text }] of Object.entries(THEMES) as [Theme, (typeof THEMES)[Theme]][]) {
    describe(theme, () => {
      it('#17.5 text and underline colours contrast at least 4.5:1 with the editor background', () => {
        const low = ENTITY_TYPES.map(
          t => [t, contrast(parse(ENTITY_PALETTE[t].foreground[theme]).rgb, parse(background).rgb)] as const,
        ).filter(([, c]) => c < 4.5);
        assert.deepStrictEqual(low, []);
      });

      it('#17.5 the editor text stays readable (4.5:1) on every type background', () => {
        const low = ENTITY_TYPES.flatMap(t =>
          text.map(fg => [t, fg, contrast(parse(fg).rgb, over(ENTITY_PALETTE[t].background[theme], background))] as const),
        ).filter(([, , c]) => c < 4.5);
        assert.deepStrictEqual(low, []);
      });

      it('#17.5 ORG and DATE, NORP and PERSON are plainly different colours', () => {
        for (const [a, b] of [
          ['ORG', 'DATE'],
          ['NORP', 'PERSON'],
        ] as const) {
          const backgrounds = deltaE(
            over(ENTITY_PALETTE[a].background[theme], background),
            over(ENTITY_PALETTE[b].background[theme], background),
          );
          const foregrounds = deltaE(parse(ENTITY_PALETTE[a].foreground[theme]).rgb, parse(ENTITY_PALETTE[b].foreground[theme]).rgb);
          assert.ok(backgrounds >= 25, `${a}/${b} backgrounds differ by ΔE ${backgrounds.toFixed(1)}`);
          assert.ok(foregrounds >= 25, `${a}/${b} text colours differ by ΔE ${foregrounds.toFixed(1)}`);
        }
      });

      it('#17.5 every two types decorated by default can be told apart', () => {
        const close: string[] = [];
        for (const a of DECORATED) {
          for (const b of DECORATED) {
            if (a >= b) continue;
            const backgrounds = deltaE(
              over(ENTITY_PALETTE[a].background[theme], background),
              over(ENTITY_PALETTE[b].background[theme], background),
            );
            const foregrounds = deltaE(parse(ENTITY_PALETTE[a].foreground[theme]).rgb, parse(ENTITY_PALETTE[b].foreground[theme]).rgb);
            if (backgrounds < 10 || foregrounds < 15) {
              close.push(`${a}/${b}: ΔE ${backgrounds.toFixed(1)} background, ${foregrounds.toFixed(1)} text`);
            }
          }
        }
        assert.deepStrictEqual(close, []);
      });
    });
  }
});
