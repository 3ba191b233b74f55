// core compiles without Node's types, so a Node built-in cannot slip in. These are the few globals it uses that every
// host it runs in has (Node, the VS Code extension host, browsers and web workers) but the ES library does not
// declare: text codecs for UTF-8 bytes, and a timer to yield to the host's event loop.

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;
