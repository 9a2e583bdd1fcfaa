// The decision icons of the gutter and the Determinations view (client/src/decisionIcons.ts and
// media/decisions/): which drawing each decision gets, that the shapes differ (not colour alone), that they
// are badges in no red (they must not read as errors), and that they stand out in light, dark and
// high-contrast themes (WCAG: 3:1 for a graphic against its background, 4.5:1 for the mark on a badge).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DECISION_ICON, DECISION_ICONS, decisionIconFiles } from '../../client/src/decisionIcons';
import { exactly } from '../support/elements';

const ROOT = path.resolve(__dirname, '..', '..');
const svg = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const COLOUR = /#[0-9a-f]{6}\b/gi;
const colours = (text: string) => [...new Set(text.match(COLOUR) ?? [])];
/** The drawing without its colours. */
const shapeOf = (text: string) => text.replace(COLOUR, '#');

/** Editor backgrounds of VS Code's built-in themes on which each drawing is shown. */
const BACKGROUNDS = {
  light: ['#ffffff'], // Light Modern, Light+, High Contrast Light
  dark: ['#1f1f1f', '#1e1e1e', '#000000'], // Dark Modern, Dark+, High Contrast (dark)
} as const;

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = exactly(channels, 3);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = exactly(
    [luminance(a), luminance(b)].sort((x, y) => y - x),
    2,
  );
  return (hi + 0.05) / (lo + 0.05);
}

/** Hue in degrees and saturation (HSL) of a colour. */
function hueAndSaturation(hex: string): [number, number] {
  const [r, g, b] = exactly(
    [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255),
    3,
  );
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d === 0) return [0, 0];
  const l = (max + min) / 2;
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s];
}

test('each decision has its own icon, one for light and one for dark themes', () => {
  assert.deepEqual(DECISION_ICON, {
    Upheld: 'upheld',
    Overturned: 'overturned',
    invalid: 'invalid',
    missing: 'missing',
  });
  assert.deepEqual(DECISION_ICONS, ['upheld', 'overturned', 'invalid', 'missing']);
  assert.deepEqual(decisionIconFiles('upheld'), {
    light: 'media/decisions/upheld-light.svg',
    dark: 'media/decisions/upheld-dark.svg',
  });
});

test('shapes differ between decisions, and only colours between the light and dark drawings', () => {
  const shapes = DECISION_ICONS.map((icon) => {
    const { light, dark } = decisionIconFiles(icon);
    assert.equal(shapeOf(svg(light)), shapeOf(svg(dark)), icon);
    assert.notEqual(svg(light), svg(dark), icon);
    return shapeOf(svg(light));
  });
  assert.equal(new Set(shapes).size, 4);
  // What tells them apart without colour: a bar, a check, a question mark, a dashed outline.
  const marks = DECISION_ICONS.map((icon) => {
    const text = svg(decisionIconFiles(icon).light);
    return [
      icon,
      /<rect x="1\.5" y="1\.5" width="13" height="13" rx="3"/.test(text),
      /fill="none"[^>]*stroke-dasharray/.test(text)
        ? 'dashed'
        : /<rect x="1\.5"[^>]*fill="none"/.test(text)
          ? 'outline'
          : 'filled',
      (text.match(/<(polyline|path|circle|rect)\b/g) ?? []).join(' '),
    ];
  });
  assert.deepEqual(marks, [
    ['upheld', true, 'filled', '<rect <rect'],
    ['overturned', true, 'filled', '<rect <polyline'],
    ['invalid', true, 'outline', '<rect <path <circle'],
    ['missing', true, 'dashed', '<rect'],
  ]);
});

test('no red (the colour of errors) in any drawing', () => {
  for (const icon of DECISION_ICONS)
    for (const file of Object.values(decisionIconFiles(icon)))
      for (const colour of colours(svg(file))) {
        const [hue, saturation] = hueAndSaturation(colour);
        assert.ok(saturation < 0.2 || (hue > 40 && hue < 300), `${file}: ${colour} (hue ${hue.toFixed(0)})`);
      }
});

test('legible on every built-in theme: badge 3:1 against the editor, mark 4.5:1 against what it is drawn on', () => {
  const ratios: [string, number][] = [];
  for (const icon of DECISION_ICONS)
    for (const theme of ['light', 'dark'] as const) {
      const file = decisionIconFiles(icon)[theme];
      const text = svg(file);
      const badgeFill = /<rect x="1\.5"[^>]*fill="(#[0-9a-f]{6})"/i.exec(text)?.[1];
      const marks = colours(text).filter((c) => c !== badgeFill);
      for (const background of BACKGROUNDS[theme]) {
        if (badgeFill) {
          ratios.push([`${file} badge on ${background}`, contrast(badgeFill, background)]);
          for (const mark of marks) assert.ok(contrast(mark, badgeFill) >= 4.5, `${file}: ${mark} on ${badgeFill}`);
        }
        for (const mark of badgeFill ? [] : marks)
          assert.ok(contrast(mark, background) >= 4.5, `${file}: ${mark} on ${background}`);
      }
    }
  const weak = ratios.filter(([, ratio]) => ratio < 3).map(([what, ratio]) => `${what}: ${ratio.toFixed(2)}`);
  assert.deepEqual(weak, []);
  assert.equal(ratios.length, 2 * (1 + 3), 'two filled badges, each on one light and three dark backgrounds');
});
