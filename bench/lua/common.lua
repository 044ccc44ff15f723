-- Shared by bench/run's wrk scripts: thread numbering, reading pre-generated request files, and one
-- machine-readable result line (BENCH-RESULT {...}) that bench/run parses instead of wrk's text.
local common = {}

local threads = {}

-- Runs in wrk's main Lua state once per thread, before the threads start: each thread learns its
-- number (global `tid` in its own state) so that the requests of different threads never collide.
function common.setup(thread)
  thread:set("tid", #threads)
  thread:set("exhausted", 0)
  table.insert(threads, thread)
end

-- Lines of a pre-generated file (bench/gen.py): Request-Id, Request-Timestamp, Signature, body.
function common.read_signed(file)
  local items = {}
  for line in io.lines(file) do
    local request_id, timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    items[#items + 1] = { request_id, timestamp, signature, body }
  end
  return items
end

-- A MOTO charge of an approved card (no 3-D Secure, no CVV, no customer): the body of money.lua's and
-- charge.lua's POST /v1/payments. The card expires in December two years from now.
local moto_expiry = string.format("12%02d", (tonumber(os.date("!%y")) + 2) % 100)
function common.moto_charge(invoice)
  return wrk.format("POST", "/v1/payments", nil, string.format('{"flow":"CHARGE","invoice_number":"%s",' ..
    '"amount":90000,"payment_type":"MOTO","card":{"number":"4111111111111111","expiry":"%s"}}', invoice, moto_expiry))
end

-- A charge's answer: 201 with the payment SUCCEEDED.
function common.succeeded_charge(status, body)
  return status == 201 and body:find('"status"%s*:%s*"SUCCEEDED"') ~= nil
end

-- The run ran out of pre-generated requests: stop this thread (wrk then under-counts the rate, so
-- bench/run reports the run as failed rather than as a figure).
function common.exhausted()
  wrk.thread:set("exhausted", 1)
  wrk.thread:stop()
end

-- Runs in the main state after the run. Non-2xx is wrk's status error count (status > 399; this
-- bench expects no 1xx or 3xx), socket errors are reported apart.
function common.done(summary, latency, requests)
  local exhausted, extra = 0, {}
  for _, thread in ipairs(threads) do
    exhausted = exhausted + (thread:get("exhausted") or 0)
    for _, name in ipairs({ "charges", "refunds", "unexpected" }) do
      local value = thread:get(name)
      if value then extra[name] = (extra[name] or 0) + value end
    end
  end
  local e = summary.errors
  local line = string.format(
    '{"requests":%d,"duration_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50_us":%d,"p99_us":%d,"exhausted":%d',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), exhausted)
  for name, value in pairs(extra) do
    line = line .. string.format(',"%s":%d', name, value)
  end
  io.write("BENCH-RESULT " .. line .. "}\n")
end

return common
