// The webviews' icons as inline SVG drawn in the text colour, instead of emoji: emoji render as empty boxes where no
// emoji font is installed (a minimal Linux, a remote container), and inline SVG needs no font, file or CSP source.

const THUMB = 'M2 7h2.5v7H2zM5.5 7.2 8.6 2c1.1 0 1.9.9 1.6 2L9.7 6.5h3.6c.9 0 1.5.8 1.2 1.6l-1.7 5.2c-.2.4-.6.7-1 .7H5.5z';

const SHAPES = {
  'thumbs-up': `<path d="${THUMB}"/>`,
  'thumbs-down': `<path transform="rotate(180 8 8)" d="${THUMB}"/>`,
  question: '<circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.4"/>'
    + '<path d="M6.1 6.3a1.9 1.9 0 1 1 2.7 1.7c-.5.3-.8.6-.8 1.2v.6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/><circle cx="8" cy="11.7" r=".9"/>',
  zap: '<path d="M9.5 1 3 9.2h4.2L6.3 15 13 6.6H8.8z"/>',
  search: '<circle cx="6.8" cy="6.8" r="4.6" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="m10.2 10.2 4.3 4.3" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>',
} as const;

export type IconName = keyof typeof SHAPES;

/** An icon as inline SVG, 1em square, in the surrounding text colour, hidden from screen readers (the label says it). */
export function icon(name: IconName): string {
  return `<svg class="icon icon-${name}" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor">${SHAPES[name]}</svg>`;
}

/** Emoji and other pictographs, which a webview must not rely on (checked by the pages' tests). */
export const PICTOGRAPH = /\p{Extended_Pictographic}/u;
