-- wrk script for bench/loadtest.py: cycles through the paths listed in the
-- file named by LOADTEST_PATHS (one per line), counts responses by status in
-- every thread, and writes wrk's summary with those counts as JSON to the
-- file named by LOADTEST_OUT.

paths = {}
for line in io.lines(os.getenv("LOADTEST_PATHS")) do
    if line ~= "" then
        table.insert(paths, line)
    end
end

local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    counter = id * 7 -- each thread starts elsewhere in the list
end

function request()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local counts = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do
            counts[status] = (counts[status] or 0) + n
        end
    end
    local parts = {}
    for status, n in pairs(counts) do
        table.insert(parts, string.format('"%d": %d', status, n))
    end
    local out = io.open(os.getenv("LOADTEST_OUT"), "w")
    out:write(string.format(
        '{"duration_us": %d, "requests": %d, "bytes": %d, '
            .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
            .. '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}, '
            .. '"statuses": {%s}}',
        summary.duration, summary.requests, summary.bytes,
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
        table.concat(parts, ", ")
    ))
    out:close()
end
