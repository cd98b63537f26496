import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { normaliseName } from '../model/keys';
import {
  DATE_PRECISIONS,
  ENTITY_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_NAMES,
  MODALITIES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  type DatePrecision,
  type EntityLabel,
  type EventType,
  type Modality,
  type RelationType,
} from '../model/ontology';
import { NewsgraphError } from '../pipeline/errors';

/**
 * Gold annotations (data/gold/*.json, documented in data/gold/README.md): one article per file, with the
 * entities, relations and events a careful reader finds in it. Relations and events name their
 * participants by a gold entity's name or one of its aliases; the loader resolves those names to entities
 * and rejects anything the scorer could not use, naming the file and the JSON path.
 */

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Free-text remarks for annotators; ignored by the scorer. */
const note = z.string().optional();

export const GoldArticleSchema = z.strictObject({
  id: nonEmpty,
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO 8601 date (YYYY-MM-DD…)')
    .nullable()
    .optional(),
  text: nonEmpty,
});

export const GoldEntitySchema = z.strictObject({
  type: z.enum(ENTITY_LABELS),
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  note,
});

export const GoldRelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]]),
  source: nonEmpty,
  target: nonEmpty,
  title: z.string().nullable().optional(),
  note,
});

export const GoldEventSchema = z.strictObject({
  type: z.enum(EVENT_TYPE_NAMES as [EventType, ...EventType[]]),
  mode: z.string().nullable().default(null),
  actors: z.array(nonEmpty).min(1, 'an event needs at least one actor (the scorer matches events on actors)'),
  recipients: z.array(nonEmpty).default([]),
  date: z.string().regex(DATE_RE, 'must be YYYY, YYYY-MM or YYYY-MM-DD').nullable().default(null),
  datePrecision: z.enum(DATE_PRECISIONS).nullable().default(null),
  modality: z.enum(MODALITIES).default('asserted'),
  trigger: z.string().optional(),
  place: z.string().nullable().optional(),
  note,
});

export const GoldFileSchema = z.strictObject({
  article: GoldArticleSchema,
  entities: z.array(GoldEntitySchema),
  relations: z.array(GoldRelationSchema).default([]),
  events: z.array(GoldEventSchema).default([]),
  note,
});

export type GoldFileJson = z.infer<typeof GoldFileSchema>;

export interface GoldEntity {
  type: EntityLabel;
  name: string;
  aliases: string[];
  /** Normalised name followed by normalised aliases, deduplicated. */
  keys: string[];
}

export interface GoldRelation {
  type: RelationType;
  /** Indexes into `GoldDoc.entities`. */
  source: number;
  target: number;
  title: string | null;
}

export interface GoldEvent {
  type: EventType;
  mode: string | null;
  /** Indexes into `GoldDoc.entities`. */
  actors: number[];
  recipients: number[];
  date: string | null;
  /** Never null when `date` is set (inferred from the date's length when the file leaves it out). */
  datePrecision: DatePrecision | null;
  modality: Modality;
  trigger: string | null;
  /** Index into `GoldDoc.entities` of the Place or State where it happened (not scored yet). */
  place: number | null;
}

export interface GoldDoc {
  /** Where it was read from, for messages. */
  file: string;
  article: { id: string; title: string | null; url: string | null; source: string | null; publishedAt: string | null; text: string };
  entities: GoldEntity[];
  relations: GoldRelation[];
  events: GoldEvent[];
  /** Suspicious but legal annotations (an entity none of whose names occurs in the text). */
  warnings: string[];
}

export class GoldFormatError extends NewsgraphError {
  constructor(readonly file: string, readonly problems: string[]) {
    super('E_GOLD_INVALID', `${file}: invalid gold annotation\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GoldFormatError';
  }
}

/** `events[2].actors[0]` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

const PRECISION_LENGTH: Record<DatePrecision, number> = { year: 4, month: 7, day: 10 };

function precisionOf(date: string): DatePrecision {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

/** Validate and resolve one parsed gold file; throws GoldFormatError listing every problem found. */
export function parseGold(json: unknown, file = '(gold)'): GoldDoc {
  const parsed = GoldFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new GoldFormatError(
      file,
      parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    );
  }
  const g = parsed.data;
  const problems: string[] = [];

  const entities: GoldEntity[] = g.entities.map((e) => {
    const keys = [...new Set([e.name, ...e.aliases].map(normaliseName).filter((k) => k.length > 0))];
    return { type: e.type, name: e.name, aliases: e.aliases, keys };
  });

  // One referent per entity: within a type, a normalised name or alias may belong to one entity only,
  // otherwise the one-to-one matching of predictions would be ambiguous.
  const owner = new Map<string, number>();
  entities.forEach((e, i) => {
    for (const k of e.keys) {
      const slot = `${e.type}\u0000${k}`;
      const prev = owner.get(slot);
      if (prev !== undefined && prev !== i) {
        problems.push(
          `entities[${i}]: "${k}" (${e.type}) is also a name or alias of entities[${prev}] "${entities[prev].name}"; ` +
            'one referent per entity: merge them or drop the shared alias',
        );
      } else owner.set(slot, i);
    }
  });

  /** A participant string → entity index: exact name first, then alias; `allowed` breaks ties between types. */
  const resolve = (ref: string, path: string, allowed?: readonly EntityLabel[]): number => {
    const key = normaliseName(ref);
    const byName = entities.flatMap((e, i) => (normaliseName(e.name) === key ? [i] : []));
    const byAlias = entities.flatMap((e, i) => (e.keys.includes(key) ? [i] : []));
    const ambiguous = (candidates: number[]): number => {
      problems.push(
        `${path}: "${ref}" is ambiguous (${candidates.map((i) => `${entities[i].type} "${entities[i].name}"`).join(', ')}); use the entity's name`,
      );
      return -1;
    };
    for (const candidates of [byName, byAlias]) {
      const fitting = allowed ? candidates.filter((i) => allowed.includes(entities[i].type)) : candidates;
      if (fitting.length === 1) return fitting[0];
      if (fitting.length > 1) return ambiguous(fitting);
    }
    // Nothing of an allowed type: return the unique candidate and let the type check report it.
    const any = byName.length ? byName : byAlias;
    if (any.length === 1) return any[0];
    if (any.length > 1) return ambiguous(any);
    problems.push(`${path}: "${ref}" is not the name or an alias of any entity in "entities"`);
    return -1;
  };

  const relations: GoldRelation[] = g.relations.map((r, i) => {
    const spec = RELATION_TYPES[r.type];
    const source = resolve(r.source, `relations[${i}].source`, spec.from);
    const target = resolve(r.target, `relations[${i}].target`, spec.to);
    if (source >= 0 && !(spec.from as readonly EntityLabel[]).includes(entities[source].type)) {
      problems.push(`relations[${i}].source: ${r.type} goes from ${spec.from.join(' or ')}, not ${entities[source].type} "${entities[source].name}"`);
    }
    if (target >= 0 && !(spec.to as readonly EntityLabel[]).includes(entities[target].type)) {
      problems.push(`relations[${i}].target: ${r.type} goes to ${spec.to.join(' or ')}, not ${entities[target].type} "${entities[target].name}"`);
    }
    return { type: r.type, source, target, title: r.title ?? null };
  });

  const events: GoldEvent[] = g.events.map((e, i) => {
    const modes: readonly string[] = EVENT_TYPES[e.type].modes;
    if (e.mode !== null && !modes.includes(e.mode)) {
      problems.push(
        `events[${i}].mode: "${e.mode}" is not a mode of ${e.type}` +
          (modes.length ? ` (one of ${modes.join(', ')}, or null)` : ' (it has no modes: use null)'),
      );
    }
    let datePrecision: DatePrecision | null = e.datePrecision;
    if (e.date === null) {
      if (datePrecision !== null) problems.push(`events[${i}].datePrecision: set while "date" is null`);
      datePrecision = null;
    } else {
      datePrecision ??= precisionOf(e.date);
      if (e.date.length < PRECISION_LENGTH[datePrecision]) {
        problems.push(`events[${i}].date: "${e.date}" is too short for precision "${datePrecision}"`);
      }
    }
    return {
      type: e.type,
      mode: e.mode,
      actors: e.actors.map((a, j) => resolve(a, `events[${i}].actors[${j}]`)),
      recipients: e.recipients.map((a, j) => resolve(a, `events[${i}].recipients[${j}]`)),
      date: e.date,
      datePrecision,
      modality: e.modality,
      trigger: e.trigger ?? null,
      place: e.place ? resolve(e.place, `events[${i}].place`, ['Place', 'State']) : null,
    };
  });

  if (problems.length) throw new GoldFormatError(file, problems);

  const warnings: string[] = [];
  const haystack = normaliseName(g.article.text);
  entities.forEach((e, i) => {
    // A State may be present only through a demonym ("Japanese officials"), which is not an alias.
    if (e.type !== 'State' && !e.keys.some((k) => haystack.includes(k))) {
      warnings.push(`${file}: entities[${i}] ${e.type} "${e.name}": neither the name nor an alias occurs in the text`);
    }
  });

  const a = g.article;
  return {
    file,
    article: {
      id: a.id,
      title: a.title ?? null,
      url: a.url ?? null,
      source: a.source ?? null,
      publishedAt: a.publishedAt ?? null,
      text: a.text,
    },
    entities,
    relations,
    events,
    warnings,
  };
}

/** Read and validate one gold file. */
export function loadGoldFile(file: string): GoldDoc {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new NewsgraphError('E_GOLD_READ', `${file}: cannot read gold file (${(err as Error).message})`, false, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new GoldFormatError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseGold(json, file);
}

/**
 * Every `*.json` file of a directory (sorted by name, README and dot-files skipped), or a single file.
 * All files are checked before failing, so one run reports every broken file; article ids must be unique.
 */
export function loadGoldDir(path: string): GoldDoc[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (err) {
    throw new NewsgraphError('E_GOLD_READ', `${path}: cannot read gold directory (${(err as Error).message})`, false, err);
  }
  if (files.length === 0) throw new NewsgraphError('E_GOLD_EMPTY', `${path}: no gold files (*.json) found`);

  const docs: GoldDoc[] = [];
  const errors: GoldFormatError[] = [];
  for (const f of files) {
    try {
      docs.push(loadGoldFile(f));
    } catch (err) {
      if (err instanceof GoldFormatError) errors.push(err);
      else throw err;
    }
  }
  const seen = new Map<string, string>();
  for (const d of docs) {
    const prev = seen.get(d.article.id);
    if (prev) errors.push(new GoldFormatError(d.file, [`article.id: "${d.article.id}" is also the id of ${basename(prev)}`]));
    else seen.set(d.article.id, d.file);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    const err = new GoldFormatError(path, errors.flatMap((e) => e.problems.map((p) => `${basename(e.file)}: ${p}`)));
    throw err;
  }
  return docs;
}
