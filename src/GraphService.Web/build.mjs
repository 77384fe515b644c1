// Copies the explorer into the API's static files: the app files as they are, and cytoscape's minified UMD build
// (with its MIT licence) into lib/. No bundler: the browser loads plain ES modules. wwwroot/ is a build output (the API's
// csproj runs this before the static web assets are collected); it is emptied first so that a file deleted from app/
// is not served on.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'GraphService.Api', 'wwwroot');
const lib = join(out, 'lib');
rmSync(out, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });

const appDir = join(here, 'app');
for (const name of readdirSync(appDir).sort()) {
  copyFileSync(join(appDir, name), join(out, name));
  console.log(`wwwroot/${name}`);
}

const cytoscape = join(here, 'node_modules', 'cytoscape');
copyFileSync(join(cytoscape, 'dist', 'cytoscape.min.js'), join(lib, 'cytoscape.min.js'));
copyFileSync(join(cytoscape, 'LICENSE'), join(lib, 'cytoscape.LICENSE.txt'));
console.log('wwwroot/lib/cytoscape.min.js, wwwroot/lib/cytoscape.LICENSE.txt');
