// Copies the built files of the front-end packages into wwwroot/lib, where the site serves them
// fingerprinted. The copies are committed, so building the site needs no npm.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const packages = [
  { name: "leaflet", from: "dist", files: ["leaflet.js", "leaflet.css", "images"], licence: "LICENSE" },
  { name: "pannellum", from: "build", files: ["pannellum.js", "pannellum.css"], licence: "COPYING" },
];

for (const { name, from, files, licence } of packages) {
  const target = `wwwroot/lib/${name}`;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    cpSync(`node_modules/${name}/${from}/${file}`, `${target}/${file}`, { recursive: true });
  }
  cpSync(`node_modules/${name}/${licence}`, `${target}/LICENSE`);
  console.log(`${name} copied to ${target}`);
}
