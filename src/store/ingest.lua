-- Stores one report atomically: idempotency key, record, project history, running totals.
-- MULTI cannot make the writes conditional on the idempotency key, so this is one script:
-- a re-delivered message (same key) returns the existing record id and writes nothing.
-- KEYS: 1 recordSeq 2 messages 3 records 4 dayTotals 5 weekTotals 6 yearTotals
--       7 unitRecords 8 userRecords 9 projects 10 unitProjects 11 projectSeq 12 monthTotals
--       13 totals version (bumped on every change, for the ranking cache) 14 changed units zset
--       15 the week's notable events zset (signings/funds by amount, stage moves by id)
-- Returns {1, id, project id, year totals as a flat field/value list} or {0, existing id, ''}.
-- ARGV: 1 messageKey 2 record JSON 3 project mode ("" | "id" | "new") 4 project id or name
--       5 project meta JSON (for "new") 6 history line tail (",date,yuan,usd" after kind/id)
--       7 kind 8 user list cap 9 unit id 10 event score ("" = not notable, "id" = by recency) 11.. totals field, increment pairs
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then
  return {0, tonumber(existing), ''}
end
local id = redis.call('INCR', KEYS[1])
local pid = ''
if ARGV[3] == 'new' then
  pid = redis.call('HGET', KEYS[10], ARGV[4])
  if not pid then
    pid = tostring(redis.call('INCR', KEYS[11]))
    redis.call('HSET', KEYS[10], ARGV[4], pid)
    redis.call('HSET', KEYS[9], pid, ARGV[5])
  end
elseif ARGV[3] == 'id' then
  pid = ARGV[4]
end
if pid ~= '' then
  local hk = pid .. ':h'
  local line = ARGV[7] .. ',' .. id .. ARGV[6]
  local h = redis.call('HGET', KEYS[9], hk)
  if h then line = h .. '\n' .. line end
  redis.call('HSET', KEYS[9], hk, line)
end
redis.call('XADD', KEYS[3], id .. '-0', 'j', ARGV[2], 'p', pid)
redis.call('HSET', KEYS[2], ARGV[1], id)
for i = 11, #ARGV, 2 do
  local field, n = ARGV[i], tonumber(ARGV[i + 1])
  redis.call('HINCRBY', KEYS[4], field, n)
  redis.call('HINCRBY', KEYS[5], field, n)
  redis.call('HINCRBY', KEYS[6], field, n)
  redis.call('HINCRBY', KEYS[12], field, n)
end
redis.call('ZADD', KEYS[14], redis.call('INCR', KEYS[13]), ARGV[9])
if ARGV[10] ~= '' then
  -- Only the top 50 of a week are ever shown: keep the list bounded.
  local score = ARGV[10] == 'id' and id or tonumber(ARGV[10])
  redis.call('ZADD', KEYS[15], score, id)
  redis.call('ZREMRANGEBYRANK', KEYS[15], 0, -51)
end
redis.call('LPUSH', KEYS[7], id)
redis.call('LPUSH', KEYS[8], id)
redis.call('LTRIM', KEYS[8], 0, tonumber(ARGV[8]) - 1)
return {1, id, pid, redis.call('HGETALL', KEYS[6])}
