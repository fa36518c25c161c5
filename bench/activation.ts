// Reads the extension's activation time in code-server from Developer: Show Running Extensions,
// beside the built-in extensions' in the same run (the baseline), and times the first
// diagnostics after opening a .spl file. A measurement script, not a test:
//   node --import tsx bench/activation.ts
import { startCodeServer } from '../test/vscode/codeServer';
import { problemsFile, problemsText } from '../test/vscode/fixtures';
import { openFile, runCommand, waitForText } from '../test/vscode/workbench';

interface Activation {
  name: string;
  ms: number;
}

async function main(): Promise<void> {
  const session = await startCodeServer({
    screenshotPrefix: 'activation',
    files: { [problemsFile]: problemsText },
  });
  try {
    const { page } = session;
    await session.step('problems', async () => {
      await openFile(page, problemsFile);
      const opened = performance.now();
      await page.keyboard.press('Control+Shift+M');
      await waitForText(page, '.markers-panel .monaco-list-row', 'statz', 90_000);
      console.log(
        `first diagnostics: ${Math.round(performance.now() - opened)} ms after the editor opened`,
      );
    });
    await session.step('running-extensions', async () => {
      await runCommand(page, 'Developer: Show Running Extensions');
      await waitForText(page, '.runtime-extensions-editor .monaco-list-row', /Activation: \d+ms/);
    });
    const rows = await page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts();
    const activations = rows.flatMap((text): Activation[] => {
      const ms = /Activation: (\d+)ms/.exec(text)?.[1];
      const name = text.split('\n')[0]?.trim();
      return ms !== undefined && name ? [{ name, ms: Number(ms) }] : [];
    });
    const ours = activations.find((a) => a.name === 'SPL Toolkit');
    if (!ours)
      throw new Error(`SPL Toolkit is not among the running extensions:\n${rows.join('\n')}`);
    for (const other of activations) {
      const ratio =
        other === ours ? '' : ` (SPL Toolkit is ${(ours.ms / other.ms).toFixed(2)}x this)`;
      console.log(`${other.name}: activation ${other.ms} ms${ratio}`);
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
