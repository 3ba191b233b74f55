/**
 * Longest chat message content answered, in characters, by every surface (the API's `/v1/chat/completions`, the
 * language server's `arenalab/chat`): room for the largest program the code tool runs (`MAX_CODE_CHARS`, 100,000
 * characters) and a question around it. Longer is refused before any engine or tool routing sees it.
 */
export const MAX_CHAT_MESSAGE_CHARS = 128 * 1024;
