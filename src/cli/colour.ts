// Colour for people at a terminal only: errors red, warnings yellow, notes dim; plain text in pipes and files.
import { styleText } from 'node:util';

export interface Palette {
  error: (text: string) => string;
  warning: (text: string) => string;
  note: (text: string) => string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether to colour a stream: never with NO_COLOR (any non-empty value, no-color.org), else as FORCE_COLOR says
 * (0 or false: never; any other value: always), else only on a terminal that is not TERM=dumb.
 */
export function wantsColour(isTTY: boolean | undefined, env: Env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}

const plain = (text: string) => text;
// The decision is made above, once; styleText must not second-guess it against process.stdout.
const styled =
  (format: Parameters<typeof styleText>[0]) =>
  (text: string): string =>
    styleText(format, text, { validateStream: false });

export function palette(colour: boolean): Palette {
  return colour
    ? { error: styled('red'), warning: styled('yellow'), note: styled('dim') }
    : { error: plain, warning: plain, note: plain };
}

/** The palette for one of the process's streams. */
export function paletteFor(stream: { isTTY?: boolean }, env: Env): Palette {
  return palette(wantsColour(stream.isTTY, env));
}
