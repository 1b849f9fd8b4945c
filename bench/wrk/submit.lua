-- wrk script for bench/scenarios/writes.ts: POST /api/comments with a distinct body, author and
-- client address (X-Forwarded-For, read by the app with TRUST_PROXY=1) on every request, and a
-- count of answers by status, printed by done() as "STATUS <code> <count>" lines (and the start of
-- one answer per other status as "SAMPLE <code> <text>").
--
-- Environment: BENCH_POST (post id), BENCH_RUN (a token unique to this run), BENCH_NET (first
-- octet of the client addresses, 1-223).

local post = tonumber(os.getenv("BENCH_POST"))
local run = os.getenv("BENCH_RUN")
local net = tonumber(os.getenv("BENCH_NET"))

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  statuses = {}
  samples = {}
  wrk.method = "POST"
end

function request()
  sent = sent + 1
  local n = sent
  local key = string.format("%s-%d-%d", run, tid, n)
  local address = string.format("%d.%d.%d.%d", net, tid * 16 + math.floor(n / 65536) % 16,
    math.floor(n / 256) % 256, n % 256)
  local body = string.format(
    '{"post":%d,"authorName":"Bench writer %d-%d","authorEmail":"w-%s@example.org",' ..
    '"body":"Bench write %s: a comment from the write benchmark, number %d of thread %d."}',
    post, tid, n, key, key, n, tid)
  -- wrk.format uses these headers instead of wrk.headers: every header the request needs.
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }
  return wrk.format(nil, nil, headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 201 and not samples[status] then
    samples[status] = string.gsub(string.sub(body or "", 1, 300), "%s+", " ")
  end
end

function done(summary, latency, requests)
  local total = {}
  local sample = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
    for status, text in pairs(thread:get("samples")) do
      sample[status] = sample[status] or text
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
  for status, text in pairs(sample) do
    io.write(string.format("SAMPLE %d %s\n", status, text))
  end
end
