import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'Analyst Workbench'

/**
 * The default workspace, shared by the app and the CLI: `WORKBENCH_WORKSPACE` when set, else
 * `workspace` inside the app's data folder (the same folder Electron calls appData/<app name>).
 */
export function defaultWorkspaceDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir()
): string {
  if (env.WORKBENCH_WORKSPACE) return env.WORKBENCH_WORKSPACE
  let appData: string
  if (platform === 'win32') appData = env.APPDATA || join(home, 'AppData', 'Roaming')
  else if (platform === 'darwin') appData = join(home, 'Library', 'Application Support')
  else appData = env.XDG_CONFIG_HOME || join(home, '.config')
  return join(appData, APP_FOLDER, 'workspace')
}
