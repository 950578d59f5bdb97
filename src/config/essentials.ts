import type { LoadedConfig } from './load.js';

// A file that declares no site or no destination is valid YAML and a valid rule file, yet a
// collector running it accepts nothing or sends nothing: most often the wrong file was given
// (an empty one, a pack, a half-written draft). It is refused with what is missing and how to add it.

const SITE_HINT = 'add one under sites: (- name: www, write_key: <key>, allowed_origins: [https://www.example.org]), as rules/phiwall.yaml does';
const DESTINATION_HINT = 'add one under destinations: (out: { type: file, baa: false, allow: [event, page_group] }), as rules/phiwall.yaml does';

/** One located problem when the merged config declares no site, no destination, or neither; else none. */
export function missingEssentials(config: LoadedConfig): string[] {
  const noSites = (config.rules.sites ?? []).length === 0;
  const noDestinations = Object.keys(config.rules.destinations ?? {}).length === 0;
  if (!noSites && !noDestinations) return [];
  const top = `${config.entryName}:1:1`;
  if (noSites && noDestinations) {
    const included = config.files.length > 1 ? ` (nor do the ${config.files.length - 1} file(s) it includes)` : '';
    return [`${top}: this file declares no sites and no destinations${included}, so a collector running it would accept and send nothing (is it the right file? a pack is included by a config, not run on its own). Add a site and a destination (rules/phiwall.yaml is a complete example), or leave out --config to run the bundled rules/phiwall.yaml`];
  }
  const [key, what, hint] = noSites ? ['sites', 'no site is declared, so every request would be refused (401)', SITE_HINT] : ['destinations', 'no destination is declared, so every event would go nowhere', DESTINATION_HINT];
  const [located] = config.locate([`${key}: ${what}; ${hint}`]);
  return [located.startsWith(`${key}:`) ? `${top}: ${located}` : located];
}
