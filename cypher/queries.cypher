// Ready-made investigative queries for Neo4j Browser (http://localhost:7474). Paste one, or drag this file onto
// Browser's Favorites to keep them all. Names are looked up through the full-text index entity_names, so they work
// with any spelling Lucene matches (add ~ for fuzzy: 'Khazaly~'). First load the style: drag cypher/browser.grass
// onto Browser, or run :style and paste it.

// 1. How is Khazali connected to al-Ameri? The three shortest chains of claims (up to 4 hops), each hop shown with its
//    :Claim node beside it; double-click a Claim to expand its citations, then a Citation to reach its document.
CALL db.index.fulltext.queryNodes('entity_names', 'Khazali') YIELD node, score
WITH node AS a ORDER BY score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', 'Ameri') YIELD node, score
WITH a, node AS b ORDER BY score DESC LIMIT 1
MATCH p = SHORTEST 3 (a)((:Entity)-[]-(:Entity)){1,4}(b)
UNWIND relationships(p) AS hop
MATCH (k:Claim {id: hop.id})
RETURN p, collect(k) AS claims;

// 2. The same connection as a table: every hop with its evidence (quote, stance, publisher, date, link).
CALL db.index.fulltext.queryNodes('entity_names', 'Khazali') YIELD node, score
WITH node AS a ORDER BY score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', 'Ameri') YIELD node, score
WITH a, node AS b ORDER BY score DESC LIMIT 1
MATCH p = SHORTEST 1 (a)((:Entity)-[]-(:Entity)){1,4}(b)
UNWIND range(0, length(p) - 1) AS i
WITH p, i, relationships(p)[i] AS hop
MATCH (k:Claim {id: hop.id})<-[stance:SUPPORTS_CLAIM|DISPUTES_CLAIM]-(c:Citation)-[:QUOTED_FROM]->(d:Document)
RETURN i + 1 AS step, nodes(p)[i].name AS from, k.phrase AS claim, nodes(p)[i + 1].name AS to, k.confidence AS confidence,
       type(stance) AS evidence, c.quote AS quote, d.publisher AS publisher, d.published AS published, d.url AS url
ORDER BY step, evidence DESC, publisher;

// 3. Who is funded by Iran-backed organizations? Organizations funded, armed or trained by Iran, and who they fund.
MATCH (iran:Entity)
WHERE 'iran' IN iran.nkeys
MATCH (backed:Entity)-[:FUNDED_BY|ARMED_BY|TRAINED_BY]->(iran)
MATCH (client:Entity)-[f:FUNDED_BY]->(backed)
RETURN iran, backed, client, f;

// 4. Everything one document supports or disputes: the document with the most citations (replace the first two lines
//    with MATCH (d:Document {id: 'the-document-id'}) for another one).
MATCH (d:Document)<-[:QUOTED_FROM]-(c:Citation)
WITH d, count(c) AS cited ORDER BY cited DESC LIMIT 1
MATCH (d)<-[q:QUOTED_FROM]-(c:Citation)-[s:SUPPORTS_CLAIM|DISPUTES_CLAIM]->(k:Claim)-[e:CLAIM_SUBJECT|CLAIM_OBJECT]->(x:Entity)
RETURN d, q, c, s, k, e, x;

// 5. Named together but never linked: entities mentioned in the same document with no claim between them.
MATCH (a:Entity)-[:MENTIONED_IN]->(d:Document)<-[:MENTIONED_IN]-(b:Entity)
WHERE a.id < b.id AND NOT EXISTS { (a)--(b) }
RETURN a.name AS first, b.name AS second, count(d) AS documents, collect(d.title)[..5] AS titles
ORDER BY documents DESC, first, second
LIMIT 50;

// 6. Contested claims and both sides of the evidence.
MATCH (k:Claim {contested: true})<-[s:SUPPORTS_CLAIM|DISPUTES_CLAIM]-(c:Citation)-[:QUOTED_FROM]->(d:Document)
MATCH (subject:Entity)<-[:CLAIM_SUBJECT]-(k)-[:CLAIM_OBJECT]->(object:Entity)
RETURN subject.name AS subject, k.phrase AS claim, object.name AS object, type(s) AS evidence, c.quote AS quote,
       d.publisher AS publisher, d.published AS published
ORDER BY subject, claim, object, evidence DESC;

// 7. Hubs: the entities with the most claims, and how many publishers back them at best.
MATCH (e:Entity)-[r]-(:Entity)
RETURN e.name AS entity, labels(e) AS labels, count(r) AS claims, max(r.corroboration) AS bestCorroboration
ORDER BY claims DESC, entity
LIMIT 20;

// 8. One entity's surroundings up to two hops, strongest evidence first (Browser draws the graph).
CALL db.index.fulltext.queryNodes('entity_names', 'Badr') YIELD node, score
WITH node AS center ORDER BY score DESC LIMIT 1
MATCH p = (center)((:Entity)-[r WHERE r.confidence >= 0.5]-(:Entity)){1,2}
RETURN p
LIMIT 100;

// 9. Which graph is loaded.
MATCH (m:GraphMeta)
RETURN m.version AS version, m.corpusName AS corpus, COUNT { (:Entity) } AS entities, COUNT { (:Claim) } AS claims,
       COUNT { (:Document) } AS documents;
