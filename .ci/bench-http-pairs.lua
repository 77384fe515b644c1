-- wrk script of .ci/bench-http.sh. With PAIRS_CSV (gen-graph.js's pairs.csv) each request asks /api/paths for a pair
-- picked at random (both kinds, u and d), with PATH_QUERY appended (for example "k=1&maxHops=6"); without PAIRS_CSV
-- every request is /health/live, so that both runs pay the same client-side cost of a scripted request.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local paths = {}

function init(args)
  -- A fixed seed per thread: the same run of pairs every time.
  math.randomseed(42 + 1000 * id)
  local file = os.getenv("PAIRS_CSV")
  if file == nil or file == "" then
    paths = { "/health/live" }
    return
  end

  local extra = os.getenv("PATH_QUERY") or ""
  local number = 0
  for line in io.lines(file) do
    number = number + 1
    if number > 1 then
      local kind, src, dst = line:match("^([ud]),(%d+),(%d+)$")
      if kind == nil then
        error(file .. ":" .. number .. ": expected kind,src,dst, found '" .. line .. "'")
      end
      local path = "/api/paths?from=n" .. src .. "&to=n" .. dst
      if extra ~= "" then
        path = path .. "&" .. extra
      end
      paths[#paths + 1] = path
    end
  end
  if #paths == 0 then
    error(file .. ": no pairs")
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
