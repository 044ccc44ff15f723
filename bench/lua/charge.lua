-- CHARGEs only: a MOTO charge of an approved card per request, fresh invoice <prefix>-t<thread>-<n>
-- (common.moto_charge). Counts the charges answered 201 SUCCEEDED, and anything else as unexpected.
-- Args: invoice prefix.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local prefix
local n = 0
charges, unexpected = 0, 0  -- globals: read by done() through thread:get

function init(args)
  prefix = args[1] .. "-t" .. tid
end

function request()
  n = n + 1
  return common.moto_charge(string.format("%s-%d", prefix, n))
end

function response(status, headers, body)
  if common.succeeded_charge(status, body) then
    charges = charges + 1
  else
    unexpected = unexpected + 1
  end
end
