-- Stores one report atomically: idempotency state, record, project history, running totals.
-- MULTI cannot make the writes conditional on the idempotency key, so this is one script:
-- a re-delivered message (same key) returns the existing record id and writes nothing. The
-- rules that must hold under concurrency are checked here too: a kind that happens once per
-- project (签约, milestones) is refused when the project's history already has it, and a
-- confirmed reading is stored only while it is still pending (then consumed).
-- KEYS: 1 recordSeq 2 message map (current bucket) 3 records 4 dayTotals 5 weekTotals 6 yearTotals
--       7 unitRecords 8 userRecords 9 projects 10 unitProjects 11 projectSeq 12 monthTotals
--       13 totals version (bumped on every change, for the ranking cache) 14 changed units zset
--       15 the week's notable events zset (signings/funds by amount, stage moves by id)
--       16 message map (next bucket) 17 message map (previous bucket) 18 pending reading
--       19 id epoch (zs_fence, prepended from id-fence.lua)
-- ARGV: 1 messageKey 2 record JSON 3 project mode ("" | "id" | "new") 4 project id or name
--       5 project meta JSON (for "new") 6 history line tail (",date,yuan,usd" after kind/id)
--       7 kind 8 user list cap 9 unit id 10 event score ("" = not notable, "id" = by recency)
--       11 now ms 12 kinds (space-separated) whose presence in the project's history refuses the
--       report ("" = none; "*" = any existing project refuses it) 13 message map ttl seconds
--       14 pending reading token ("" = none) 15.. totals field, increment pairs
-- Returns {1, id, project id, year totals as a flat field/value list}, {0, existing id} for a
-- re-delivery, {2, earlier record id, earlier date, earlier kind} for a repeat of a once-per-project
-- kind (or a project a 续建 may not reuse), or
-- {3} when the pending reading was already confirmed, cancelled or expired.
local maps = {KEYS[16], KEYS[2], KEYS[17]}
local map = KEYS[2]
for i = 1, 3 do
  local v = redis.call('HGET', maps[i], ARGV[1])
  if v then
    local first = string.sub(v, 1, 1)
    if first ~= 'c' and first ~= 'd' then
      return {0, tonumber(string.match(v, '^%d+'))}
    end
    map = maps[i]
    break
  end
end
if ARGV[14] ~= '' then
  local p = redis.call('GET', KEYS[18])
  if not p or string.sub(p, 1, #ARGV[14] + 1) ~= ARGV[14] .. '|' then return {3} end
end
local pid = ''
if ARGV[3] == 'new' then
  pid = redis.call('HGET', KEYS[10], ARGV[4]) or ''
elseif ARGV[3] == 'id' then
  pid = ARGV[4]
end
if pid ~= '' and ARGV[12] ~= '' then
  local h = redis.call('HGET', KEYS[9], pid .. ':h') or ''
  if ARGV[12] == '*' then
    -- A kind that only registers new projects (续建): any live project of that name refuses it
    -- (one whose every record was revoked has an empty history and may be registered again).
    local kind, rid, date = string.match(h, '^([^,\n]*),(%d+),([^,\n]*)')
    if rid then return {2, tonumber(rid), date, kind} end
  else
    for kind in string.gmatch(ARGV[12], '%S+') do
      local s, e = string.find('\n' .. h, '\n' .. kind .. ',', 1, true)
      if s then
        local line = string.match(string.sub(h, e), '^([^\n]*)')
        local rid, date = string.match(line, '^(%d+),([^,]*)')
        return {2, tonumber(rid), date, kind}
      end
    end
  end
end
if ARGV[14] ~= '' then redis.call('DEL', KEYS[18]) end
zs_fence(KEYS[19], KEYS[1], KEYS[11])
local id = redis.call('INCR', KEYS[1])
if ARGV[3] == 'new' and pid == '' then
  pid = tostring(redis.call('INCR', KEYS[11]))
  redis.call('HSET', KEYS[10], ARGV[4], pid)
  redis.call('HSET', KEYS[9], pid, ARGV[5])
end
if pid ~= '' then
  local hk = pid .. ':h'
  local line = ARGV[7] .. ',' .. id .. ARGV[6]
  local h = redis.call('HGET', KEYS[9], hk)
  if h then line = h .. '\n' .. line end
  redis.call('HSET', KEYS[9], hk, line)
end
redis.call('XADD', KEYS[3], id .. '-0', 'j', ARGV[2], 'p', pid)
redis.call('HSET', map, ARGV[1], id .. '@' .. ARGV[11])
if redis.call('TTL', map) < 0 then redis.call('EXPIRE', map, ARGV[13]) end
for i = 15, #ARGV, 2 do
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
