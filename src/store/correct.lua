-- Corrects one field of a record atomically and audited: the old record is kept, marked
-- superseded by the new one (in the revoked hash, with who and when); the new record links to
-- the old one; every total, the project histories and the digest's notable events move from the
-- old version to the new one exactly once. Keyed on the correcting message like an ingest, so a
-- re-delivery writes nothing.
-- KEYS: 1 recordSeq 2 message map (current bucket) 3 records 4 revoked 5 projects 6 unitProjects
--       7 projectSeq 8 totals version 9 changed units 10 unitRecords 11 reporter's records
--       12-15 old day/week/month/year totals 16-19 new day/week/month/year totals
--       20 old week's events 21 new week's events 22 message map (next) 23 message map (previous)
--       24 id epoch (zs_fence, prepended from id-fence.lua)
-- ARGV: 1 messageKey 2 old id 3 new record JSON 4 supersede JSON prefix ('{"by":..,"at":..' without
--       the closing brace) 5 project mode ("" | "id" | "new") 6 project id or name 7 project meta
--       JSON (for "new") 8 history tail 9 kind 10 old project id 11 unit id 12 event score 13 now ms
--       14 refusing kinds (as ingest.lua's ARGV 12: "" none, "*" any project, else kinds) 15 message map ttl 16 reporter list cap 17 number of old delta
--       pairs, then the old pairs, then the new pairs
-- Returns {1, new id, project id, new year totals}, {0, existing id} (a re-delivery), {2, earlier
-- id, earlier date} (the target project already has this once-per-project kind) or {4} (the old
-- record was revoked or corrected meanwhile).
local maps = {KEYS[22], KEYS[2], KEYS[23]}
local map = KEYS[2]
for i = 1, 3 do
  local v = redis.call('HGET', maps[i], ARGV[1])
  if v then
    local first = string.sub(v, 1, 1)
    if first ~= 'c' and first ~= 'd' then return {0, tonumber(string.match(v, '^%d+'))} end
    map = maps[i]
    break
  end
end
if redis.call('HEXISTS', KEYS[4], ARGV[2]) == 1 then return {4} end
local pid = ''
if ARGV[5] == 'new' then
  pid = redis.call('HGET', KEYS[6], ARGV[6]) or ''
elseif ARGV[5] == 'id' then
  pid = ARGV[6]
end
if pid ~= '' and pid ~= ARGV[10] and ARGV[14] ~= '' then
  local h = redis.call('HGET', KEYS[5], pid .. ':h') or ''
  if ARGV[14] == '*' then
    local kind, rid, date = string.match(h, '^([^,\n]*),(%d+),([^,\n]*)')
    if rid then return {2, tonumber(rid), date, kind} end
  else
    for kind in string.gmatch(ARGV[14], '%S+') do
      local s, e = string.find('\n' .. h, '\n' .. kind .. ',', 1, true)
      if s then
        local rid, date = string.match(string.sub(h, e), '^(%d+),([^,]*)')
        return {2, tonumber(rid), date, kind}
      end
    end
  end
end
zs_fence(KEYS[24], KEYS[1], KEYS[7])
local id = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[4] .. ',"s":' .. id .. '}')
if ARGV[5] == 'new' and pid == '' then
  pid = tostring(redis.call('INCR', KEYS[7]))
  redis.call('HSET', KEYS[6], ARGV[6], pid)
  redis.call('HSET', KEYS[5], pid, ARGV[7])
end
if ARGV[10] ~= '' then
  local hk = ARGV[10] .. ':h'
  local h = redis.call('HGET', KEYS[5], hk)
  if h then
    local kept = {}
    for line in string.gmatch(h, '[^\n]+') do
      if string.match(line, '^[^,]*,([^,]*)') ~= ARGV[2] then kept[#kept + 1] = line end
    end
    redis.call('HSET', KEYS[5], hk, table.concat(kept, '\n'))
  end
end
if pid ~= '' then
  local hk = pid .. ':h'
  local line = ARGV[9] .. ',' .. id .. ARGV[8]
  local h = redis.call('HGET', KEYS[5], hk)
  if h and h ~= '' then line = h .. '\n' .. line end
  redis.call('HSET', KEYS[5], hk, line)
end
redis.call('XADD', KEYS[3], id .. '-0', 'j', ARGV[3], 'p', pid, 'c', ARGV[2])
redis.call('HSET', map, ARGV[1], id .. '@' .. ARGV[13])
if redis.call('TTL', map) < 0 then redis.call('EXPIRE', map, ARGV[15]) end
local n = tonumber(ARGV[17])
for i = 18, 17 + 2 * n, 2 do
  local field, v = ARGV[i], -tonumber(ARGV[i + 1])
  for k = 12, 15 do redis.call('HINCRBY', KEYS[k], field, v) end
end
for i = 18 + 2 * n, #ARGV, 2 do
  local field, v = ARGV[i], tonumber(ARGV[i + 1])
  for k = 16, 19 do redis.call('HINCRBY', KEYS[k], field, v) end
end
redis.call('ZREM', KEYS[20], ARGV[2])
if ARGV[12] ~= '' then
  local score = ARGV[12] == 'id' and id or tonumber(ARGV[12])
  redis.call('ZADD', KEYS[21], score, id)
  redis.call('ZREMRANGEBYRANK', KEYS[21], 0, -51)
end
redis.call('ZADD', KEYS[9], redis.call('INCR', KEYS[8]), ARGV[11])
redis.call('LPUSH', KEYS[10], id)
redis.call('LPUSH', KEYS[11], id)
redis.call('LTRIM', KEYS[11], 0, tonumber(ARGV[16]) - 1)
return {1, id, pid, redis.call('HGETALL', KEYS[19])}
