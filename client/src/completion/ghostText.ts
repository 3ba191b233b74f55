/**
 * What VS Code displays as ghost text for an inline item: its insert text after the part of the item's range that is
 * already typed before the cursor. Undefined when it would not display it as ghost text: the typed part is not the
 * start of the insert text (VS Code filters the item out), or nothing would remain to show.
 */
export function ghostText(insertText: string, typedInRange: string): string | undefined {
  if (!insertText.startsWith(typedInRange) || insertText.length === typedInRange.length) return undefined;
  return insertText.slice(typedInRange.length);
}
