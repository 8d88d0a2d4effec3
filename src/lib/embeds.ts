// Hosts whose players may be embedded in articles (privacy-preserving players only): shared by the
// sanitiser's allowlist and the CSP's frame-src, without the server importing the sanitiser.
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'] as const;
