-- GET /v1/payments/{id}, cycling through the ids of payments the creation runs made (one a line),
-- each thread starting at a different place. Args: ids file.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local ids = {}
local n

function init(args)
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  n = (tid * 7919) % #ids
end

function request()
  n = n % #ids + 1
  return wrk.format("GET", "/v1/payments/" .. ids[n])
end
