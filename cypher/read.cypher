// Read statements of Neo4jGraphStore. Parameters only; no value is ever written into the text.
// To try one in Browser, set its parameters first, e.g. :param id => 'qais-al-khazali'

// name: status
MATCH (m:GraphMeta {singleton: true})
RETURN m.version AS version, m.importedAt AS importedAt, COUNT { (:Entity) } AS entities, COUNT { (:Claim) } AS relationships,
       COUNT { (:Document) } AS documents;

// name: graph-stamp
// Which import of which graph is loaded. Every read runs in one transaction that starts and commits with this statement:
// Neo4j reads at read-committed, so only an unchanged stamp at both ends shows that no import landed in between.
// importedAt tells apart two imports of the same version.
MATCH (m:GraphMeta {singleton: true})
RETURN m.version AS version, m.importedAt AS importedAt;

// name: name-table
// Every entity's names, read once per graph stamp into Core's AliasIndex: resolution, ranked search, "did you mean"
// and the id lookups of every query run on it in the application, with no further round trip.
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases;

// name: claims-by-ids
// Claims with their citations (in corpus order) and the cited documents' bibliographic data.
MATCH (k:Claim)
WHERE k.id IN $ids
OPTIONAL MATCH (c:Citation)-[s:SUPPORTS_CLAIM|DISPUTES_CLAIM]->(k)
OPTIONAL MATCH (c)-[:QUOTED_FROM]->(d:Document)
WITH k, c, s, d
ORDER BY s.ordinal
RETURN k.id AS id, k.type AS type, k.phrase AS phrase, k.startId AS startId, k.endId AS endId,
       k.confidence AS confidence, k.corroboration AS corroboration, k.contested AS contested,
       coalesce(k.publishers, k.corroboration) AS publishers, k.since AS since, k.until AS until,
       collect(c {.id, .quote, .start, .end, .stance, documentId: d.id, title: d.title, publisher: d.publisher,
                  published: d.published, url: d.url}) AS citations;

// name: neighbors
// One breadth-first layer: every admitted relationship from the frontier to an entity not yet kept, with its strength.
// __TYPES__ is replaced by the whitelisted type union (or removed when all types are admitted).
UNWIND $frontier AS fromId
MATCH (u:Entity {id: fromId})-[r:__TYPES__]-(v:Entity)
WHERE NOT v.id IN $kept
RETURN v.id AS id, v.name AS name, v.type AS type, r.corroboration AS corroboration, r.confidence AS confidence;

// name: relationships-among
// Every admitted relationship whose two ends are both in $ids.
MATCH (a:Entity)-[r:__TYPES__]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
RETURN r.id AS id;

// name: entity
MATCH (e:Entity {id: $id})
RETURN e;

// name: entity-relationships
// Every relationship of the entity, without its evidence: enough for Core to count them and choose the page it lists
// (the claims of that page are then read with claims-by-ids).
MATCH (e:Entity {id: $id})-[r]-(o:Entity)
WHERE r.id IS NOT NULL
RETURN r.id AS id, type(r) AS type, startNode(r) = e AS outgoing, r.corroboration AS corroboration,
       r.confidence AS confidence, o.id AS otherId, o.name AS otherName, o.type AS otherType;

// name: entity-citation-count
// How many distinct citations support or dispute the entity's relationships, on its page or not.
MATCH (:Entity {id: $id})-[r]-(:Entity)
WHERE r.id IS NOT NULL
WITH DISTINCT r.id AS claimId
MATCH (c:Citation)-[:SUPPORTS_CLAIM|DISPUTES_CLAIM]->(:Claim {id: claimId})
RETURN count(DISTINCT c) AS citations;

// name: entity-mentions
// One page of the documents that mention the entity, in id order.
MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.length AS length
ORDER BY id
SKIP $documentOffset
LIMIT $documentLimit;

// name: entity-mention-counts
// How many documents mention the entity, and how many mentions they hold, listed on its page or not.
MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(:Document)
RETURN count(m) AS documents, sum(size(m.starts)) AS mentions;

// name: documents
// One page of the document list, in id order.
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.length AS length
ORDER BY id
SKIP $offset
LIMIT $limit;

// name: document-names
// Every document's id and title, and nothing else: read once per graph stamp, by the first unknown document id, into
// Core's DocumentNames, where "did you mean" for documents runs in the application from then on.
MATCH (d:Document)
RETURN d.id AS id, d.title AS title;

// name: documents-by-ids
// The bibliographic data of the few documents "did you mean" offers (in any order: the application ranks them).
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.length AS length;

// name: document
// One document's bibliographic data and the text of [$start, $start + $length). substring() counts code points where
// GraphService counts UTF-16 code units (d.length): the two agree unless the text holds characters outside the BMP, and
// only then is the whole text returned (wholeText) for the application to cut.
MATCH (d:Document {id: $id})
WITH d, size(d.text) = d.length AS unitsAgree
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.length AS length,
       CASE WHEN unitsAgree THEN substring(d.text, $start, $length) END AS text,
       CASE WHEN unitsAgree THEN null ELSE d.text END AS wholeText;

// name: document-mentions
// The mentions that start in [$start, $end), in document order, at most $limit (one more than a page shows, so the
// application knows there are more).
MATCH (e:Entity)-[m:MENTIONED_IN]->(:Document {id: $id})
UNWIND range(0, size(m.starts) - 1) AS i
WITH e.id AS entityId, m.starts[i] AS spanStart, m.ends[i] AS spanEnd
WHERE spanStart >= $start AND spanStart < $end
RETURN entityId, spanStart AS start, spanEnd AS end
ORDER BY start, end, entityId
LIMIT $limit;

// name: document-citations
// The citations that start in [$start, $end).
MATCH (c:Citation)-[:QUOTED_FROM]->(:Document {id: $id})
WHERE c.start >= $start AND c.start < $end
RETURN c.id AS id, c.start AS start, c.end AS end;

// name: citation
MATCH (c:Citation {id: $id})-[:QUOTED_FROM]->(d:Document)
OPTIONAL MATCH (c)-[:SUPPORTS_CLAIM|DISPUTES_CLAIM]->(k:Claim)
RETURN c.id AS id, c.quote AS quote, c.start AS start, c.end AS end, c.stance AS stance,
       d.id AS documentId, d.title AS title, d.publisher AS publisher, d.published AS published, d.url AS url,
       collect(k.id) AS claimIds;

// name: drafting-document
// One document whole, for drafting claims from it (GET /api/documents/{id}/suggestions); its mentions, as the import
// found them, come from document-mentions over the whole text.
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.text AS text;

// name: drafting-claims
// Every claim between two entities of $ids, as drafting compares them: whether a suggestion is already in the graph.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND r.id IS NOT NULL
RETURN a.id AS startId, type(r) AS type, b.id AS endId
ORDER BY r.id;

// name: schema-entity-types
MATCH (e:Entity)
RETURN e.type AS type, count(*) AS count;

// name: schema-predicates
MATCH (p:Predicate)
RETURN p.type AS type, p.phrase AS phrase, p.builtIn AS builtIn, COUNT { (k:Claim) WHERE k.type = p.type } AS count;

// name: schema-counts
RETURN COUNT { (:Entity) } AS entities, COUNT { (:Claim) } AS relationships, COUNT { (:Document) } AS documents,
       COUNT { (:Citation) } AS citations,
       reduce(total = 0, n IN COLLECT { MATCH ()-[m:MENTIONED_IN]->() RETURN size(m.starts) } | total + n) AS mentions;

// name: relationship-count
// The overview's total of relationships, from Neo4j's count store; its total of entities is the cached name table's length.
RETURN COUNT { (:Claim) } AS relationships;

// name: most-connected
// The $limit entities with the most relationships at either end (one from an entity to itself counts once), most first,
// ties by id: the order of Core's Traversal.Connectedness, for the overview (GET /api/overview).
MATCH (e:Entity)
WITH e,
     COUNT { (e)-[r]->(:Entity) WHERE r.id IS NOT NULL } +
     COUNT { (e)<-[r]-(o:Entity) WHERE r.id IS NOT NULL AND o <> e } AS degree
RETURN e.id AS id, e.name AS name, e.type AS type, degree
ORDER BY degree DESC, id
LIMIT $limit;

// name: snapshot-predicates
MATCH (p:Predicate)
RETURN p.type AS type, p.phrase AS phrase, p.builtIn AS builtIn
ORDER BY p.ordinal;

// name: snapshot-entities
MATCH (e:Entity)
RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, e.description AS description
ORDER BY e.ordinal;

// name: snapshot-documents
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.author AS author, d.published AS published,
       d.url AS url, d.language AS language, d.text AS text
ORDER BY d.ordinal;

// name: snapshot-claims
MATCH (k:Claim)
OPTIONAL MATCH (c:Citation)-[s:SUPPORTS_CLAIM|DISPUTES_CLAIM]->(k)
WITH k, c, s
ORDER BY s.ordinal
WITH k, collect(c {.id, .documentId, .quote, .start, .end, .stance}) AS citations
RETURN k.id AS id, k.type AS type, k.startId AS startId, k.endId AS endId, k.since AS since, k.until AS until,
       k.confidence AS confidence, k.confidenceDeclared AS confidenceDeclared, k.corroboration AS corroboration,
       coalesce(k.publishers, k.corroboration) AS publishers, k.contested AS contested, citations
ORDER BY k.ordinal;

// name: snapshot-mentions
MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document)
RETURN e.id AS entityId, d.id AS documentId, m.starts AS starts, m.ends AS ends, m.ordinals AS ordinals;
