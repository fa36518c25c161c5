/**
 * Commands that widely installed Splunk apps add and that real detections use. They are not in
 * the catalog (which lists Splunk's built-in commands); naming them here keeps such searches free
 * of unknown-command errors while still telling the user where the command comes from.
 */
const addonCommands: Readonly<Record<string, string>> = {
  apply: 'the Machine Learning Toolkit app',
  fit: 'the Machine Learning Toolkit app',
  summary: 'the Machine Learning Toolkit app',
  score: 'the Machine Learning Toolkit app',
  cyberchef: 'the CyberChef for Splunk app',
};

/** The app that provides `name`, for an add-on command this module knows. */
export function findAddonCommand(name: string): string | undefined {
  return addonCommands[name.toLowerCase()];
}
