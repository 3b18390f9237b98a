import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** The webview options: scripts on, resources from the extension's dist/ and media/ only, no command links. */
export function explorerWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The panel's page: a static shell (no corpus text ever goes into this HTML; the script builds
 * the rest with DOM APIs). `hiddenTypes` (type names only) are the types a new panel hides. CSP: nothing by default; the one script by nonce, styles from the
 * extension only (no inline styles), no images, fonts or connections.
 */
export function explorerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, hiddenTypes: readonly string[]): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  // uPlot's own stylesheet first (copied to dist/ by esbuild.js), so that ours can adjust it.
  const styles = [
    vscode.Uri.joinPath(extensionUri, 'dist', 'uPlot.min.css'),
    ...['explorer.css', 'explorer-toolbar.css', 'explorer-analytics.css'].map(name => vscode.Uri.joinPath(extensionUri, 'media', name)),
  ].map(uri => webview.asWebviewUri(uri));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map(href => `<link rel="stylesheet" href="${href}">`).join('\n')}
<title>Entity Explorer</title>
</head>
<body>
<main id="app" class="explorer" aria-busy="true" data-hidden-types="${hiddenTypes.join(' ')}"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
