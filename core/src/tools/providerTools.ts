import type { Cancellation } from '../ports/cancellation';
import { routedText, trimTrailing, WHITESPACE } from './routedText';
import type { Tool, ToolExecutor } from './tool';
import { ToolNotConfiguredError } from './toolErrors';

export interface WebSearchHit {
  title: string;
  url: string;
  snippet: string;
}

/** A web search service the user configured. ArenaLab ships none: it is offline unless one is plugged in. */
export interface WebSearchProvider {
  readonly name: string;
  search(query: string, maxResults: number, token?: Cancellation): Promise<WebSearchHit[]>;
}

export interface GeneratedImage {
  url: string;
  description?: string;
}

/** An image generation service the user configured; none ships with ArenaLab. */
export interface ImageGenerationProvider {
  readonly name: string;
  generate(prompt: string, style: string, token?: Cancellation): Promise<GeneratedImage>;
}

export const WEB_SEARCH_NOT_CONFIGURED =
  'no web search provider is configured, so ArenaLab did not search the web and sent nothing anywhere; plug one in through the `webSearch` option of the tool host';
export const IMAGE_NOT_CONFIGURED =
  'no image generation provider is configured, so no image was made and nothing was sent anywhere; plug one in through the `imageGeneration` option of the tool host';

export const webSearchTool: Tool = {
  id: 'web_search',
  description: 'Searches the web through a configured provider (off unless configured) and lists titles, links and snippets.',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', minLength: 1, maxLength: 500 },
      num_results: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
    },
    required: ['query'],
  },
  useCases: ['current events, prices, versions released after the workspace was written', 'documentation that is not in the workspace'],
  examples: [{ request: 'search the web for node 22 release date', args: { query: 'node 22 release date' }, expectedOutput: '1. Node.js 22 … https://…' }],
  triggers: [
    { kind: 'web', pattern: /\b(search the web|web search|on the (web|internet)|online|google)\b/i },
    { kind: 'current_info', pattern: /\b(latest|current|recent|today'?s?|news)\b/i },
    { kind: 'look_up', pattern: /\b(search for|look up|find information about)\b/i },
  ],
  extractArgs(request) {
    const query = routedText(request)
      .replace(/^.*?\b(?:search the web for|search (?:the web|online|the internet) for|web search(?: for)?|google|search for|look up|find information about)\b\s*/i, '')
      .replace(/\b(on the (?:web|internet)|online)\b/gi, '');
    const trimmed = trimTrailing(query, `?.!${WHITESPACE}`).trim();
    return trimmed === '' ? undefined : { query: trimmed };
  },
};

export const imageGeneratorTool: Tool = {
  id: 'image_generator',
  description: 'Makes an image from a description through a configured provider (off unless configured).',
  parameters: {
    type: 'object',
    properties: {
      prompt: { type: 'string', minLength: 1, maxLength: 2000 },
      style: { type: 'string', default: 'realistic', maxLength: 100 },
    },
    required: ['prompt'],
  },
  useCases: ['illustrations, diagrams, icons'],
  examples: [{ request: 'draw a lighthouse at dusk in watercolor style', args: { prompt: 'a lighthouse at dusk', style: 'watercolor' }, expectedOutput: 'https://… (image)' }],
  triggers: [{ kind: 'draw', pattern: /\b(draw|paint|sketch|generate (an? )?(image|picture)|create (an? )?(image|picture)|make (an? )?(image|picture))\b/i }],
  extractArgs(request) {
    const text = routedText(request);
    const style = /\bin (?:an? )?([\w -]{2,30}?) style\b/i.exec(text)?.[1];
    const described = text
      .replace(/^.*?\b(?:draw|paint|sketch|(?:generate|create|make) (?:an? )?(?:image|picture)(?: of)?)\b\s*(?:me\s+)?/i, '')
      .replace(/\bin (?:an? )?[\w -]{2,30}? style\b/i, '');
    const prompt = trimTrailing(described, `?.!${WHITESPACE}`).trim();
    if (prompt === '') return undefined;
    return style ? { prompt, style } : { prompt };
  },
};

/** Web search through the provider, or a plain "not configured" refusal when there is none. */
export function webSearchExecutor(provider: WebSearchProvider | undefined): ToolExecutor {
  return {
    async execute(args, token) {
      if (!provider) throw new ToolNotConfiguredError('web_search', WEB_SEARCH_NOT_CONFIGURED);
      const hits = await provider.search(String(args.query), Number(args.num_results ?? 5), token);
      const text = hits.length === 0 ? 'no results' : hits.map((hit, i) => `${i + 1}. ${hit.title}\n   ${hit.url}\n   ${hit.snippet}`).join('\n');
      return { text, data: hits, sources: hits.map((hit) => hit.url) };
    },
  };
}

/** Image generation through the provider, or a plain "not configured" refusal when there is none. */
export function imageGenerationExecutor(provider: ImageGenerationProvider | undefined): ToolExecutor {
  return {
    async execute(args, token) {
      if (!provider) throw new ToolNotConfiguredError('image_generator', IMAGE_NOT_CONFIGURED);
      const image = await provider.generate(String(args.prompt), String(args.style ?? 'realistic'), token);
      return { text: image.description ? `${image.url}\n${image.description}` : image.url, data: image, sources: [image.url] };
    },
  };
}
