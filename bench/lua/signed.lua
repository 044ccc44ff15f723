-- Replays requests pre-signed by bench/gen.py (payment pages to the emulator, DOKU notifications to
-- the gateway), each exactly once: every one has its own Request-Id and invoice number.
-- Args: file prefix (this thread reads <prefix>.t<thread>), request path (the signed Request-Target).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local items, path
local n = 0
local last

function init(args)
  items = common.read_signed(args[1] .. ".t" .. tid)
  path = args[2]
end

function request()
  n = n + 1
  local item = items[n]
  if item == nil then
    common.exhausted()
    return last
  end
  last = wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Client-Id"] = os.getenv("BENCH_CLIENT_ID"),
    ["Request-Id"] = item[1],
    ["Request-Timestamp"] = item[2],
    ["Signature"] = item[3],
  }, item[4])
  return last
end
