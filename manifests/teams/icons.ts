import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type Image } from './png.ts';

type RGBA = [number, number, number, number];

/**
 * The app's two icons, drawn in code: a chair (a seat) seen from the side. Teams wants a
 * 192×192 full-colour icon and a 32×32 white outline on a transparent background.
 */
const draw = (size: number, background: RGBA, ink: RGBA): Image => {
  const rgba = new Uint8Array(size * size * 4);
  const u = size / 32; // drawn on a 32-unit grid
  const inShape = (x: number, y: number) => {
    const gx = x / u;
    const gy = y / u;
    const back = gx >= 9 && gx < 13 && gy >= 5 && gy < 19;
    const seat = gx >= 9 && gx < 23 && gy >= 17 && gy < 20;
    const legs = ((gx >= 10 && gx < 12) || (gx >= 20 && gx < 22)) && gy >= 20 && gy < 27;
    return back || seat || legs;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = inShape(x + 0.5, y + 0.5) ? ink : background;
      rgba.set(c, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, rgba };
};

export const colorIcon = () => encodePng(draw(192, [0x2b, 0x6c, 0xb0, 255], [255, 255, 255, 255]));
export const outlineIcon = () => encodePng(draw(32, [0, 0, 0, 0], [255, 255, 255, 255]));

// `tsx manifests/teams/icons.ts` redraws the committed icons
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('./outline.png', import.meta.url), outlineIcon());
  console.log('Wrote manifests/teams/color.png (192×192) and outline.png (32×32).');
}
