// The path statement of Neo4jGraphStore.FindPathsAsync, on Neo4j's shortest-path planner (Neo4j 5.21+ path selectors).
// SHORTEST g GROUPS returns every path of the g shortest lengths between the two entities (g = 1 is ALL SHORTEST).
// With both ends bound to one node each, the planner searches from both ends (StatefulShortestPath(Into)) and stops
// at the g-th length, instead of enumerating every path up to maxHops. Every filter is inside the quantified path
// pattern, so it prunes the search (types, minConfidence, contested, asOf, excluded entities); a WHERE after the
// MATCH would filter only after the selector had chosen.
// Rows are distinct chains of entities: the parallel relationships a chain uses at each step are collected into one
// link, so 5,000 relationships between two hubs give one row, not 5,000. The application drops chains that visit an
// entity twice (possible beyond the shortest length), ranks the rest with Core's PathOrder (shorter, then stronger
// weakest link, then entity ids) and asks for one more group (g + 1) only while it has fewer than k chains.
// Before sending, the application rewrites four markers (each appears exactly once):
//   SHORTEST 1 GROUPS -> SHORTEST g GROUPS, g the number of lengths wanted (1..6)
//   :__TYPES__        -> the whitelisted union, e.g. :LEADS|FUNDED_BY, or nothing when every type is admitted
//   ()-[r             -> ()<-[r when the direction is In;  ]-(x -> ]->(x when the direction is Out
//   {1,6}             -> {1,n}, n = maxHops (1..6)
// $asOf is an ISO date string or null; sinceFrom/untilTo hold the earliest/latest day a partial date can mean.

// name: shortest-path-groups
MATCH p = SHORTEST 1 GROUPS (a:Entity {id: $fromId})
  (()-[r:__TYPES__ WHERE r.confidence >= $minConfidence
                    AND ($includeContested OR NOT r.contested)
                    AND ($asOf IS NULL OR ((r.sinceFrom IS NULL OR r.sinceFrom <= $asOf)
                                           AND (r.untilTo IS NULL OR r.untilTo >= $asOf)))]-(x:Entity WHERE NOT x.id IN $exclude)){1,6}
  (b:Entity {id: $toId})
UNWIND range(0, length(p) - 1) AS step
WITH nodes(p) AS entities, step, collect(DISTINCT relationships(p)[step]) AS parallel
WITH entities, collect({step: step, relationships: parallel}) AS links
RETURN entities, links
LIMIT $limit;
