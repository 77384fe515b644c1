// Statements of an import (Neo4jGraphStore.ReplaceGraphAsync). They all run in ONE explicit transaction:
// the old graph is deleted and the new one written, then committed together, so a failure rolls back to the old graph.
// Every write is UNWIND $rows ... MERGE on a uniquely constrained id, so a repeated batch changes nothing.

// name: graph-version
// The version of the graph now loaded (no row while the database holds no GraphService graph).
MATCH (m:GraphMeta {singleton: true})
RETURN m.version AS version, m.corpusName AS corpusName;

// name: delete-graph
// Removes every node GraphService owns and, with DETACH, every relationship touching them; other data is left alone.
MATCH (n)
WHERE n:Entity OR n:Document OR n:Claim OR n:Citation OR n:Predicate OR n:GraphMeta
DETACH DELETE n;

// name: merge-predicates
UNWIND $rows AS row
MERGE (p:Predicate {type: row.type})
SET p.phrase = row.phrase, p.builtIn = row.builtIn, p.ordinal = row.ordinal;

// name: merge-entities
// One label per entity type on top of :Entity; FOREACH over a one-element list is Cypher's conditional SET.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.aliasText = row.aliasText,
    e.description = row.description, e.nkeys = row.nkeys, e.wkeys = row.wkeys, e.ordinal = row.ordinal
FOREACH (_ IN CASE WHEN row.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN row.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN row.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
FOREACH (_ IN CASE WHEN row.type = 'Event' THEN [1] ELSE [] END | SET e:Event);

// name: merge-documents
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.publisher = row.publisher, d.author = row.author, d.published = row.published,
    d.url = row.url, d.language = row.language, d.text = row.text, d.length = row.length, d.ordinal = row.ordinal;

// name: merge-claims
// The reified claim: evidence hangs off it, and a Browser user expands it to reach citations and documents.
UNWIND $rows AS row
MATCH (s:Entity {id: row.startId})
MATCH (o:Entity {id: row.endId})
MERGE (c:Claim {id: row.id})
SET c.type = row.type, c.phrase = row.phrase, c.startId = row.startId, c.endId = row.endId,
    c.confidence = row.confidence, c.confidenceDeclared = row.confidenceDeclared,
    c.corroboration = row.corroboration, c.publishers = row.publishers, c.contested = row.contested,
    c.since = row.since, c.until = row.until, c.sinceFrom = row.sinceFrom, c.untilTo = row.untilTo,
    c.citationIds = row.citationIds, c.ordinal = row.ordinal
MERGE (c)-[:CLAIM_SUBJECT]->(s)
MERGE (c)-[:CLAIM_OBJECT]->(o);

// name: merge-claim-relationships
// The direct, typed relationship that traversals follow. __TYPE__ is replaced by one predicate type from the
// PredicateVocabulary whitelist (it is a valid type name as written, so this template lints as it stands).
UNWIND $rows AS row
MATCH (s:Entity {id: row.startId})
MATCH (o:Entity {id: row.endId})
MERGE (s)-[r:__TYPE__ {id: row.id}]->(o)
SET r.phrase = row.phrase, r.confidence = row.confidence, r.corroboration = row.corroboration,
    r.publishers = row.publishers, r.contested = row.contested, r.since = row.since, r.until = row.until,
    r.sinceFrom = row.sinceFrom, r.untilTo = row.untilTo, r.citationIds = row.citationIds;

// name: merge-citations
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MERGE (c:Citation {id: row.id})
SET c.documentId = row.documentId, c.quote = row.quote, c.start = row.start, c.end = row.end, c.stance = row.stance
MERGE (c)-[:QUOTED_FROM]->(d);

// name: link-citations
// The stance becomes the relationship type, so Browser can colour support and dispute differently.
UNWIND $rows AS row
MATCH (c:Citation {id: row.citationId})
MATCH (k:Claim {id: row.claimId})
FOREACH (_ IN CASE WHEN row.stance = 'supports' THEN [1] ELSE [] END |
  MERGE (c)-[s:SUPPORTS_CLAIM]->(k) SET s.ordinal = row.ordinal)
FOREACH (_ IN CASE WHEN row.stance = 'disputes' THEN [1] ELSE [] END |
  MERGE (c)-[s:DISPUTES_CLAIM]->(k) SET s.ordinal = row.ordinal);

// name: merge-mentions
// One MENTIONED_IN per (entity, document); the spans are parallel lists (starts[i], ends[i]) in corpus order.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MATCH (d:Document {id: row.documentId})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.starts = row.starts, m.ends = row.ends, m.ordinals = row.ordinals;

// name: set-graph-version
// Written last: a graph without GraphMeta is not a loaded graph.
MERGE (m:GraphMeta {singleton: true})
SET m.version = $version, m.corpusName = $corpusName, m.importedAt = $importedAt;
