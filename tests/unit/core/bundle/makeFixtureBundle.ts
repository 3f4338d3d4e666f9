/*
 * Writes the fixture case's bundle, as the current code makes it, into tests/fixtures/bundle/,
 * with a fixed signing key so that its fingerprint can be written beside it. Run once per
 * released bundle format and commit the result: old bundles must keep verifying for years, so
 * each format's fixture stays in the repository and is never regenerated.
 *
 *   npx tsx tests/unit/core/bundle/makeFixtureBundle.ts v1
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { writeFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { fingerprintOf } from '../../../../src/core/bundle';
import { buildCaseFixture, exportFixture } from './caseFixture';

const name = process.argv[2];
if (name === undefined || !/^v\d+$/.test(name)) {
  console.error('Usage: tsx tests/unit/core/bundle/makeFixtureBundle.ts vN');
  process.exit(2);
}
const secretKey = sha256(
  new TextEncoder().encode('ringtrace bundle fixture key (public, tests only)'),
);
const publicKey = ed25519.getPublicKey(secretKey);
const fixture = buildCaseFixture();
const { zip, manifest } = await exportFixture({ ...fixture, keyPair: { secretKey, publicKey } });
const dir = new URL('../../../fixtures/bundle/', import.meta.url);
writeFileSync(new URL(`bundle-${name}.zip`, dir), zip);
writeFileSync(
  new URL(`bundle-${name}.json`, dir),
  `${JSON.stringify({ version: manifest.version, fingerprint: fingerprintOf(publicKey), files: manifest.files.length, exhibits: manifest.evidence.length }, null, 2)}\n`,
);
console.log(`bundle-${name}.zip: format version ${manifest.version}, ${zip.length} bytes`);
