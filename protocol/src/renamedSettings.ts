import type { SettingName } from './settings';

/** Settings that had another name before: old name → new name, both inside the `arenalab` section. */
export const RENAMED_SETTINGS: Readonly<Record<string, SettingName>> = Object.freeze({
  // `enable` and `enabled` were one letter apart and meant different things.
  enable: 'languages',
});

export interface RenamedSettingsResult {
  /** The section with every old name's value under its new name (when the new one was unset), old names removed. */
  values: Record<string, unknown>;
  /** One line per old name whose value was taken, for the log (said once, by whoever reads the section). */
  notices: string[];
}

/**
 * A raw `arenalab` settings section with the renamed settings moved to their new names: the new name wins when both
 * are set; an old value is used when only it is set, and said so.
 */
export function applyRenamedSettings(section: Readonly<Record<string, unknown>>): RenamedSettingsResult {
  const values: Record<string, unknown> = { ...section };
  const notices: string[] = [];
  for (const [oldName, newName] of Object.entries(RENAMED_SETTINGS)) {
    if (!(oldName in values)) continue;
    const old = values[oldName];
    delete values[oldName];
    if (old === undefined || old === null) continue;
    if (values[newName] === undefined) {
      values[newName] = old;
      notices.push(`arenalab.${oldName} is now called arenalab.${newName}; your arenalab.${oldName} value is used until you rename it in settings.json`);
    } else {
      notices.push(`arenalab.${oldName} is now called arenalab.${newName}; arenalab.${newName} is set too and wins, so arenalab.${oldName} can be removed from settings.json`);
    }
  }
  return { values, notices };
}
