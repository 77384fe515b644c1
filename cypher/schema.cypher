// GraphService schema for Neo4j 5.26+ (Community or Enterprise).
// Constraints come first: MERGE on an id without a uniqueness constraint scans the whole label.
// Every statement is idempotent (IF NOT EXISTS), so this file may be run again at any time.
// The application runs these one by one before every import; after `neo4j-admin database import`
// run this file with cypher-shell (`cypher-shell -f cypher/schema.cypher`) or paste it into Browser.

// name: entity-id-unique
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// name: document-id-unique
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

// name: claim-id-unique
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;

// name: citation-id-unique
CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (n:Citation) REQUIRE n.id IS UNIQUE;

// name: predicate-type-unique
CREATE CONSTRAINT predicate_type IF NOT EXISTS FOR (n:Predicate) REQUIRE n.type IS UNIQUE;

// name: graph-meta-singleton
CREATE CONSTRAINT graph_meta_singleton IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.singleton IS UNIQUE;

// name: claim-type-index
// Schema counts and Browser queries filter claims by predicate.
CREATE INDEX claim_type IF NOT EXISTS FOR (n:Claim) ON (n.type);

// name: entity-names-fulltext
// For people typing in Browser: CALL db.index.fulltext.queryNodes('entity_names', 'khazali~') YIELD node, score.
// aliasText holds the aliases joined by " | " because a full-text index reads string properties.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText];
