-- The money path: a CHARGE (approve card, fresh invoice <prefix>-t<thread>-<n>) and, once it has
-- answered 201, a full refund of that payment. Answers come back on any connection of the thread,
-- so refunds wait in a queue that the next request of any connection takes first.
-- Counts charges, refunds and unexpected answers (anything else) per thread. Args: invoice prefix.
-- A MOTO charge: a SALE of a card number now needs a 3-D Secure authentication first (POST
-- /v1/three-d-secure, a tds_ id), a MOTO needs none, no CVV and no customer. The refund of a charge
-- the emulator has not settled is a VOID.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local prefix
local n = 0
local refunds_due = {}
charges, refunds, unexpected = 0, 0, 0  -- globals: read by done() through thread:get

function init(args)
  prefix = args[1] .. "-t" .. tid
end

function request()
  local payment = table.remove(refunds_due, 1)
  if payment then
    return wrk.format("POST", "/v1/payments/" .. payment .. "/refunds", nil,
      '{"amount":90000,"reason":"bench refund"}')
  end
  n = n + 1
  return common.moto_charge(string.format("%s-%d", prefix, n))
end

function response(status, headers, body)
  -- A refund's own id is ref_…; a payment's is pay_… ("payment_id" has no quote before "id").
  local payment = body:match('^%s*{%s*"id"%s*:%s*"(pay_[^"]+)"')
  if payment and common.succeeded_charge(status, body) then
    charges = charges + 1
    refunds_due[#refunds_due + 1] = payment
  elseif status == 201 and body:find('"id"%s*:%s*"ref_') then
    refunds = refunds + 1
  else
    unexpected = unexpected + 1
  end
end
