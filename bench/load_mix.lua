-- wrk script: cycle through the paths in $LOAD_PATHS (one per line), count answers by status.
local paths = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  counts = {}
  api_ok = 0
  index = math.random(#paths)
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], {["Accept"] = "application/json, text/html"})
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  -- wrk does not say which request a response answers; the API's are the JSON ones.
  local kind = headers["Content-Type"] or ""
  if status == 200 and string.find(kind, "application/json", 1, true) then api_ok = api_ok + 1 end
end

function done(summary, latency, requests)
  local total, api = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
    api = api + thread:get("api_ok")
  end
  local errors = summary.errors
  io.write(string.format("requests %d in %.1f s (%.0f/s)\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local statuses = {}
  for status, _ in pairs(total) do table.insert(statuses, status) end
  table.sort(statuses)
  for _, status in ipairs(statuses) do io.write(string.format("status %d: %d\n", status, total[status])) end
  io.write(string.format("api 200: %d\n", api))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    errors.connect, errors.read, errors.write, errors.timeout))
end
