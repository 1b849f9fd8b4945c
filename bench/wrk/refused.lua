-- wrk script for bench/scenarios/floors.ts: POST /api/comments with a body that is not JSON. The
-- endpoint refuses it (400) before any database work: what Next and Payload's REST route cost a
-- request that does nothing. done() prints the answers by status as "STATUS <code> <count>".

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  wrk.method = "POST"
  wrk.body = "{this is not JSON"
  wrk.headers["Content-Type"] = "application/json"
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
end
