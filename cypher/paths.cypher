// The path query template of Neo4jGraphStore.FindPathsAsync: all simple paths of exactly one length between two
// entities, pre-filtered inside the quantified path pattern (types, confidence, date, contested, excluded entities).
// The application runs it for length 1, 2, ... up to maxHops and stops once it has k paths; it then orders them with
// Core's PathOrder (shorter, then stronger weakest link, then relationship ids), the same order as the embedded store.
// Before sending, the application rewrites three markers (each appears exactly once):
//   :__TYPES__  -> the whitelisted union, e.g. :LEADS|FUNDED_BY, or nothing when every type is admitted
//   ()-[r       -> ()<-[r when the direction is In;  ]-(x -> ]->(x when the direction is Out
//   {1}         -> {n}, the length being searched (1..6)
// $asOf is an ISO date string or null; sinceFrom/untilTo hold the earliest/latest day a partial date can mean.
// Trails (no repeated relationship) are what the pattern gives; the WHERE keeps only simple paths (no repeated node).

// name: paths-of-length
MATCH p = (a:Entity {id: $fromId})
  (()-[r:__TYPES__ WHERE r.confidence >= $minConfidence
                    AND ($includeContested OR NOT r.contested)
                    AND ($asOf IS NULL OR ((r.sinceFrom IS NULL OR r.sinceFrom <= $asOf)
                                           AND (r.untilTo IS NULL OR r.untilTo >= $asOf)))]-(x:Entity WHERE NOT x.id IN $exclude)){1}
  (b:Entity {id: $toId})
WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN p
LIMIT $limit;
