-- POST /v1/payments (payment page) with a fresh invoice number per request:
-- <prefix>-t<thread>-<n>, so that bench/run can find the payments of each run in the database.
-- Args: invoice prefix.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local prefix
local n = 0

function init(args)
  prefix = args[1] .. "-t" .. tid
end

function request()
  n = n + 1
  local body = string.format('{"invoice_number":"%s-%d","amount":90000,' ..
    '"customer":{"id":"CUST-BENCH","name":"Bench Customer","email":"bench@example.com"},' ..
    '"callback_url":"https://shop.example.com/done"}', prefix, n)
  return wrk.format("POST", "/v1/payments", nil, body)
end
