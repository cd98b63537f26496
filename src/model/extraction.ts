import { z } from 'zod';
import { DATE_PRECISIONS, ENTITY_LABELS, EVENT_TYPE_NAMES, MODALITIES, RELATION_TYPE_NAMES } from './ontology';

/**
 * The extraction contract (ARCHITECTURE.md §3): what `newsgraph extract` prints, one object per line,
 * and what `ingest` writes. Change it only by adding fields.
 */

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /**
   * How the mention refers to its entity: `name` or `acronym` (names proper), `demonym` ("North Korean"),
   * `metonym` ("Pyongyang" for the state), `capital`, `epithet` ("the hermit kingdom"), `reference`
   * ("the administration"). NER-style scoring counts only names and acronyms.
   */
  role: z.string().optional(),
});
export const EvidenceSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), quote: z.string() });

export const ArticleMetaSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  contentHash: z.string(),
  language: z.string().optional(),
  /** The caller's own id for the article (JSON `id`), kept so a changed text can replace its earlier version. */
  externalId: z.string().nullable().optional(),
});

export const EntitySchema = z.object({
  id: z.string(),
  type: z.enum(ENTITY_LABELS),
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.array(SpanSchema),
  attributes: z.record(z.string(), z.unknown()),
});

export const RelationSchema = z.object({
  type: z.enum(RELATION_TYPE_NAMES as [string, ...string[]]),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema).min(1),
});

export const EventSchema = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
  mode: z.string().nullable(),
  date: z.string().nullable(),
  datePrecision: z.enum(DATE_PRECISIONS).nullable(),
  modality: z.enum(MODALITIES),
  actors: z.array(z.string()),
  recipients: z.array(z.string()),
  place: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  summary: z.string().optional(),
  trigger: z.string().optional(),
  evidence: z.array(EvidenceSchema).min(1),
});

export const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

export const ExtractionResultSchema = z.object({
  article: ArticleMetaSchema,
  entities: z.array(EntitySchema),
  relations: z.array(RelationSchema),
  events: z.array(EventSchema),
  issues: z.array(IssueSchema),
});

export type Span = z.infer<typeof SpanSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type ExtractedEntity = z.infer<typeof EntitySchema>;
export type ExtractedRelation = z.infer<typeof RelationSchema>;
export type ExtractedEvent = z.infer<typeof EventSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;

/** Article input as JSON (one object, an array, or JSONL), ARCHITECTURE.md §3. */
export const ArticleInputSchema = z
  .object({
    id: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    title: z.string().optional(),
    source: z.string().optional(),
    publishedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'publishedAt must be an ISO 8601 date').optional(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .refine((a) => typeof a.text === 'string' || typeof a.html === 'string', 'one of "text" or "html" is required');

export type ArticleInputJson = z.infer<typeof ArticleInputSchema>;

/** What the loaders hand to the extractor: text already decoded, metadata known. */
export interface ArticleInput {
  text: string;
  id?: string | null;
  url?: string | null;
  title?: string | null;
  source?: string | null;
  publishedAt?: string | null;
  /** Where it came from (file path, `stdin`, `file.jsonl:12`), for error messages. */
  origin?: string;
}
