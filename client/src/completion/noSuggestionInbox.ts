import type { NoSuggestionParams } from '@arenalab/protocol';
import type { NoSuggestionReason } from '../status/noSuggestionText';

/**
 * The server's last `arenalab/noSuggestion`, kept until the answer it explains arrives: the server sends it just
 * before that answer on the same stream, so the middleware takes it when the answer comes, for the same place only.
 */
export class NoSuggestionInbox {
  private last: NoSuggestionParams | undefined;

  receive(params: NoSuggestionParams): void {
    this.last = params;
  }

  take(uri: string, position: { line: number; character: number }): NoSuggestionReason | undefined {
    const last = this.last;
    this.last = undefined;
    if (last === undefined || last.uri !== uri || last.position.line !== position.line || last.position.character !== position.character) return undefined;
    const { uri: _uri, position: _position, ...reason } = last;
    return reason;
  }
}
