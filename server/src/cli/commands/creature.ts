import type { Command } from 'commander';
import { Option } from 'commander';
import { systemClock, type CreatureProfile } from '@arenalab/core';
import { loadCreatures, type Creature } from '../../api';
import { ExternalCreature } from '../../creatures';
import { DatasetRepository } from '../../datasets';
import { resolveStoreDir } from '../../store';
import { parseDatasetRef, type DatasetRef } from '../datasetRef';
import { addLlmOptions, llmSettingsFrom, type LlmOptions } from '../llmOptions';
import { printResult, table } from '../output';
import { withCliWork } from '../withCliWork';

interface CreatureOptions extends LlmOptions {
  workspace?: string;
  store?: string;
  dataset: DatasetRef[];
  json?: boolean;
}

/** One creature as the command prints it. */
export interface CreatureListing {
  id: string;
  capabilities: string[];
  description: string;
  profile: CreatureProfile | null;
}

/** `creature show` named no creature there is. */
export class CreatureNotFoundError extends Error {
  readonly code = 'CREATURE_NOT_FOUND';
}

const collect = <T>(parse: (value: string) => T) => (value: string, previous: T[]): T[] => [...previous, parse(value)];

function listingOf(creature: Creature): CreatureListing {
  const capabilities = [...(creature.chat ? ['chat'] : []), ...(creature.completion ? ['code'] : [])];
  return { id: creature.id, capabilities, description: creature.description, profile: creature.profile ?? null };
}

/**
 * The creatures `arenalab serve` would serve with the same flags (one loader for both): the workspace's code and
 * knowledge creatures, one per dataset (every dataset of the store, latest version, unless --dataset names some),
 * and the external model when one is configured (it is not called).
 */
async function creaturesOf(options: CreatureOptions): Promise<CreatureListing[]> {
  const storeDir = resolveStoreDir(options.store, options.workspace ?? process.cwd());
  const datasets = options.dataset.length > 0 ? options.dataset : new DatasetRepository(storeDir).names().map((name) => ({ name }));
  const llm = llmSettingsFrom(options);
  const external = llm === undefined ? undefined : new ExternalCreature(llm, { clock: systemClock, proxy: { env: process.env } });
  const loaded = await withCliWork((token, progress) => loadCreatures({ storeDir, datasets, workspace: options.workspace, external, clock: systemClock }, token, progress.phase('index')));
  return loaded.creatures.all().map(listingOf);
}

function measured(profile: CreatureProfile): string {
  const domains = Object.entries(profile.accuracyByDomain);
  return domains.length === 0 ? 'not measured yet' : domains.map(([domain, m]) => `${domain} ${(m.accuracy * 100).toFixed(1)}% (${m.cases} cases)`).join(', ');
}

function formatList(listings: readonly CreatureListing[]): string {
  const rows = listings.map((c) => [c.id, c.capabilities.join('+'), c.profile ? `${c.profile.size} ${c.profile.sizeUnit}` : '', c.profile?.languages.join(',') || '-', c.profile ? measured(c.profile) : '']);
  return table([['creature', 'answers', 'size', 'languages', 'measured accuracy'], ...rows]);
}

function formatOne(c: CreatureListing): string {
  const lines = [`${c.id} (${c.capabilities.join(' and ')})`, `  ${c.description}`];
  if (c.profile) {
    const p = c.profile;
    lines.push(
      `  languages:     ${p.languages.join(', ') || '-'}`,
      `  domains:       ${p.domains.join(', ') || '-'}`,
      `  action types:  ${p.actionTypes.join(', ') || '-'}`,
      `  size:          ${p.size} ${p.sizeUnit}`,
      `  mean quality:  ${p.meanQuality ?? '-'}`,
      `  accuracy:      ${measured(p)}`,
    );
  }
  return lines.join('\n');
}

function addSourceOptions(command: Command): Command {
  command
    .option('--workspace <dir>', 'the workspace whose code and knowledge creatures to show')
    .option('--store <dir>', 'the store whose datasets to show (default: <workspace>/.arenalab, or ./.arenalab)')
    .addOption(new Option('--dataset <ref>', 'only this dataset: NAME or NAME@VERSION (repeatable; default: every dataset of the store)').argParser(collect(parseDatasetRef)).default([], 'all'))
    .option('--json', 'print one JSON document');
  return addLlmOptions(command, 'to show as the creature "external" (not called)');
}

/** `arenalab creature list|show`: the creatures of a workspace and store, with their profiles. */
export function registerCreatureCommand(program: Command): void {
  const creature = program.command('creature').description('The creatures of a workspace and store: what each answers (code, chat), its profile (languages, domains, size, mean quality) and measured accuracy.');
  addSourceOptions(creature.command('list').description('List the creatures with their profiles.')).action(async (options: CreatureOptions) => {
    const listings = await creaturesOf(options);
    printResult(listings, Boolean(options.json), formatList);
  });
  addSourceOptions(creature.command('show').description('Show one creature and its whole profile.').argument('<id>', 'the creature, as `creature list` names it')).action(async (id: string, options: CreatureOptions) => {
    const listings = await creaturesOf(options);
    const found = listings.find((c) => c.id === id);
    if (!found) throw new CreatureNotFoundError(`no creature named ${id}; these are: ${listings.map((c) => c.id).join(', ')}`);
    printResult(found, Boolean(options.json), formatOne);
  });
}
