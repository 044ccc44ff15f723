-- The request given on wrk's command line, as it is; only adds bench/run's result line.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done
