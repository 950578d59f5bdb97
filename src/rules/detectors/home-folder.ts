import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A user's home folder in a file path is their account name (Safe Harbor A: a username is the person's, whatever its
// shape): `C:\Users\jsmith\Documents\labs.pdf`, `C:/Users/lmorales/Downloads`, `C:\Documents and Settings\gfischer\`,
// `file:///home/okafor/scan.jpg`, `/Users/tanvir/Library/…`, WSL's `/mnt/c/Users/bthompson/`. Desktop apps, crash
// reports and upload widgets send such paths. The folder goes, the path's other parts stay. A web page's `/home/about`
// or `/home/index.html` is no home folder: a bare `/home/<name>/` counts only in a file URL or before a folder a home
// holds (`.config`, `Documents`, `app`…). System and build accounts (`Public`, `Default`, `runner`, `ubuntu`) stay.
const WINDOWS_RE = /(?<![A-Za-z])[A-Za-z]:[\\/]{1,2}(?:Users|Documents and Settings)[\\/]{1,2}([^\\/:*?"<>|\r\n\t]{1,40})(?=[\\/]|$|[ "',;)])/gi;
const UNIX_RE = /(file:\/\/|\/mnt\/[a-z](?=\/Users\/))?\/(Users|home)\/([\w.@-]{1,40})(?=(?:\/([.A-Za-z_-]{1,20}))?)/g;
const HOME_DIRS: ReadonlySet<string> = new Set(['documents', 'downloads', 'desktop', 'pictures', 'photos', 'videos', 'movies', 'music',
  'library', 'onedrive', 'dropbox', 'icloud drive', 'projects', 'project', 'code', 'src', 'app', 'apps', 'work', 'workspace', 'dev', 'git',
  'repos', 'snap', 'bin', 'tmp', 'scans', 'notes', 'public', 'shared']);
// Accounts that are no person's (Windows' own profiles, CI runners, container and cloud images' default users).
const SYSTEM_ACCOUNTS: ReadonlySet<string> = new Set(['public', 'shared', 'default', 'default user', 'all users', 'defaultuser0', 'administrator',
  'admin', 'guest', 'root', 'user', 'username', '%username%', '<username>', '<user>', 'yourname', 'your-name', 'your name', 'runner', 'ubuntu',
  'ec2-user', 'vagrant', 'node', 'app', 'pi', 'circleci', 'jenkins', 'travis', 'docker', 'www-data', 'git', 'build', 'builder', 'buildbot',
  'appveyor', 'vsts', 'azureuser', 'codespace', 'gitpod', 'jovyan', 'wdagutilityaccount', 'systemprofile', 'localservice', 'networkservice',
  'index.html', 'index.php']);

/** At a `:` (a drive's `C:\Users\`, a file URL's `file:///home/`): a home folder may follow (the prefilter's NAME_CUE). */
export function homeDriveAt(text: string, i: number): boolean {
  const n1 = codeAt(text, i + 1);
  if (n1 !== 92 && n1 !== 47) return false;
  let j = i + 1;
  while (j < i + 4 && (codeAt(text, j) === 92 || codeAt(text, j) === 47)) j++;
  const c = lower(codeAt(text, j));
  if (c === 117) return matchesAt(text, j, 'users', true);
  if (c === 100) return matchesAt(text, j, 'documents and settings', true);
  return c === 104 && matchesAt(text, j, 'home/', false);
}

/** At a `/`: `/home/` or `/Users/` opens a path (the prefilter's NAME_CUE; `/users/` is person-path.ts's already). */
export const homeSlashAt = (text: string, i: number): boolean =>
  codeAt(text, i + 1) === 104 && matchesAt(text, i + 1, 'home/', false) && !isLetter(codeAt(text, i - 1));

function account(name: string): boolean {
  return !SYSTEM_ACCOUNTS.has(name.toLowerCase()) && name.charCodeAt(0) !== 36 && name.charCodeAt(0) !== 123; // `$USER`, `{user}`
}

/** The account folder of each home path in `text` (see above). */
export function scanHomeFolders(text: string, out: Detection[], kind: string): void {
  if (text.indexOf(':') >= 0) {
    const re = resetAt(WINDOWS_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const name = (m[1] as string).trimEnd();
      if (account(name)) out.push({ start: m.index + m[0].length - (m[1] as string).length, end: m.index + m[0].length - (m[1] as string).length + name.length, kind });
    }
  }
  const re = resetAt(UNIX_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[3] as string;
    const inFileUrl = m[1] !== undefined;
    const before = m.index === 0 ? 32 : codeAt(text, m.index - 1);
    // `/Users/` with its capital is macOS's; `/home/` needs a file URL or a folder a home holds after the account.
    const homeLike = inFileUrl || (m[2] === 'Users' ? m[4] !== undefined : m[4] !== undefined && (m[4].charCodeAt(0) === 46 || HOME_DIRS.has(m[4].toLowerCase())));
    if (!homeLike || isLetter(before) || before === 46 || !account(name)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, kind });
  }
}
