// Copies the built files of the front-end packages into wwwroot/lib, where the site serves them
// fingerprinted. The copies are committed, so building the site needs no npm.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const target = "wwwroot/lib/leaflet";
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const file of ["leaflet.js", "leaflet.css", "images"]) {
  cpSync(`node_modules/leaflet/dist/${file}`, `${target}/${file}`, { recursive: true });
}
cpSync("node_modules/leaflet/LICENSE", `${target}/LICENSE`);
console.log(`leaflet copied to ${target}`);
